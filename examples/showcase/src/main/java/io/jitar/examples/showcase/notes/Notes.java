package io.jitar.examples.showcase.notes;

import java.util.List;
import java.util.Optional;

/**
 * The procedure module {@code notes}, in segment {@code data}: notes stored with JPA in the
 * server's default data source. Every note is signed by the protected vault when it is saved.
 */
public interface Notes {

    /**
     * {@code notes/add}: stores a note (a record argument holding a list) and answers it with its
     * id, time and signature.
     *
     * @throws io.jitar.errors.BadRequestException naming the field that is missing or too long
     */
    Note add(NoteDraft note);

    /**
     * {@code notes/list}: the newest notes first, of one author or of everybody, at most
     * {@code limit} (1 to 100, default 20).
     */
    List<Note> list(Optional<String> author, Optional<Integer> limit);

    /**
     * {@code notes/get}: one note.
     *
     * @throws NoteNotFoundException (404) when there is no note with this id
     */
    Note get(long id);
}
