package io.jitar.examples.showcase.notes;

import io.jitar.errors.NotFoundException;

/**
 * An application exception: a 404 with its own type. Thrown by {@code notes/get} in segment
 * {@code data}; a caller in another segment (like {@code crunch/fingerprint} on a heavy worker)
 * gets it back as this very class, so it can {@code catch (NoteNotFoundException e)}.
 *
 * <p>The public constructor taking the message as is lets the caller's runtime rebuild it.
 */
public class NoteNotFoundException extends NotFoundException {

    public NoteNotFoundException(String message) {
        super(message);
    }
}
