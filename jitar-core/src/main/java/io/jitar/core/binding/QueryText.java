package io.jitar.core.binding;

/**
 * An argument that arrived as query-string text (GET). Unlike a JSON value it carries no type, so
 * the binder reads it as the parameter's declared type: {@code ?count=3} binds to an {@code int},
 * {@code ?day=2024-05-01} to a {@code LocalDate}.
 */
public record QueryText(String text) {
}
