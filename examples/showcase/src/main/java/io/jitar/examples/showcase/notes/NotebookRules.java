package io.jitar.examples.showcase.notes;

import io.jitar.errors.BadRequestException;
import java.util.ArrayList;
import java.util.List;

/** The limits of a note, checked before anything is stored; every refusal names the field. */
final class NotebookRules {

    static final int MAX_AUTHOR_LENGTH = 40;
    static final int MAX_TEXT_LENGTH = 500;
    static final int MAX_TAGS = 5;
    static final int MAX_TAG_LENGTH = 20;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private NotebookRules() {
    }

    /** The draft, stripped and checked. */
    static NoteDraft check(NoteDraft note) {
        String author = required("note.author", note.author(), MAX_AUTHOR_LENGTH);
        String text = required("note.text", note.text(), MAX_TEXT_LENGTH);
        List<String> tags = new ArrayList<>();
        for (String tag : note.tags() == null ? List.<String>of() : note.tags()) {
            String stripped = tag == null ? "" : tag.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (stripped.length() > MAX_TAG_LENGTH) {
                throw new BadRequestException("Parameter 'note.tags' may hold tags of at most " + MAX_TAG_LENGTH + " characters");
            }
            if (!tags.contains(stripped)) {
                tags.add(stripped);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new BadRequestException("Parameter 'note.tags' may hold at most " + MAX_TAGS + " tags");
        }
        return new NoteDraft(author, text, List.copyOf(tags));
    }

    static int limit(Integer limit) {
        int value = limit == null ? DEFAULT_LIMIT : limit;
        if (value < 1 || value > MAX_LIMIT) {
            throw new BadRequestException("Parameter 'limit' must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    private static String required(String name, String value, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            throw new BadRequestException("Parameter '" + name + "' must not be blank");
        }
        if (stripped.length() > maxLength) {
            throw new BadRequestException("Parameter '" + name + "' must be at most " + maxLength + " characters");
        }
        return stripped;
    }
}
