package io.jitar.examples.showcase.vault;

/**
 * A signature made by the vault: {@code {"algorithm":"HmacSHA256","keyId":"1a2b3c4d","value":"9f86..."}}.
 * {@code keyId} names the key (the first 8 hex digits of its SHA-256) without revealing it.
 */
public record Signature(String algorithm, String keyId, String value) {
}
