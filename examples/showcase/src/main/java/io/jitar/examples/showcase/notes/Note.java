package io.jitar.examples.showcase.notes;

import io.jitar.examples.showcase.vault.Signature;
import java.time.Instant;
import java.util.List;

/**
 * A stored note, as the procedures answer it:
 * {@code {"author":"Ada","created":"2025-01-31T10:15:30.123Z","id":1,"signature":{...},"tags":["demo"],"text":"Hi"}}.
 * The signature is the vault's over {@link #signedText()}.
 */
public record Note(long id, String author, String text, List<String> tags, Instant created, Signature signature) {

    /** What the vault signs: author and text, one per line. */
    public static String signedText(String author, String text) {
        return author + "\n" + text;
    }
}
