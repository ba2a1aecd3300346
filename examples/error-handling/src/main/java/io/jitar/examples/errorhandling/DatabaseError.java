package io.jitar.examples.errorhandling;

import io.jitar.errors.ServerErrorException;

/**
 * An application exception: a 500 with its own type. When {@code getData} throws it in segment
 * {@code data} and the caller runs in segment {@code process}, the caller's runtime rebuilds it
 * from the error answer ({@code "type"} and {@code "message"}), so {@code catch (DatabaseError e)}
 * works across segments.
 *
 * <p>For that rebuild the class needs a public constructor taking the message <em>as is</em>
 * (the Java counterpart of the original's note that the constructor must keep its input): a
 * constructor that decorated its argument would decorate the message again on every hop.
 */
public class DatabaseError extends ServerErrorException {

    public DatabaseError(String message) {
        super(message);
    }
}
