package io.jitar.core.protocol;

/** Answer to {@code POST /workers}: the id the worker reports and deregisters with. */
public record RegistrationAnswer(String id) {
}
