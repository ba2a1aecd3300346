package io.jitar.examples.showcase.crunch;

import io.jitar.examples.showcase.vault.Signature;

/**
 * What {@code crunch/hashChain} and {@code crunch/fingerprint} answer: the subject (the text, or
 * {@code "note 3"}), the rounds, the final SHA-256 in hex, the vault's signature of that hex, and
 * the milliseconds the hashing took.
 */
public record Digest(String subject, int rounds, String sha256, Signature signature, long millis) {
}
