package io.jitar.examples.showcase.notes;

import java.util.List;

/**
 * The argument of {@code notes/add}: {@code {"note":{"author":"Ada","text":"Hi","tags":["demo"]}}}.
 * {@code tags} may be left out.
 */
public record NoteDraft(String author, String text, List<String> tags) {
}
