package io.jitar.core.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The shared secret that admits callers to protected procedures and workers to a gateway.
 * Comparison takes constant time so the key cannot be guessed from response timing.
 */
public final class TrustKey {

    private static final TrustKey NONE = new TrustKey(null);

    private final byte[] key;

    private TrustKey(byte[] key) {
        this.key = key;
    }

    /** A key from configuration; a missing or blank value means no key is set. */
    public static TrustKey of(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        return new TrustKey(value.getBytes(StandardCharsets.UTF_8));
    }

    public static TrustKey none() {
        return NONE;
    }

    public boolean isSet() {
        return key != null;
    }

    /** {@code true} only when a key is set and {@code presented} equals it. */
    public boolean matches(String presented) {
        if (key == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The key to send along with outgoing calls; {@code null} when none is set. */
    public String value() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return isSet() ? "TrustKey[set]" : "TrustKey[none]";
    }
}
