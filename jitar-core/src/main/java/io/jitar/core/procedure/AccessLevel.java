package io.jitar.core.procedure;

import java.util.Locale;

/**
 * Who may call a procedure from outside its segment. {@link #PRIVATE} procedures are callable
 * only inside their segment (never over RPC), {@link #PROTECTED} ones only by callers holding the
 * trust key, {@link #PUBLIC} ones by anyone.
 */
public enum AccessLevel {
    PRIVATE, PROTECTED, PUBLIC;

    /**
     * Parses {@code private}, {@code protected} or {@code public} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static AccessLevel parse(String text) {
        for (AccessLevel level : values()) {
            if (level.name().equalsIgnoreCase(text)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown access level '" + text + "', expected private, protected or public");
    }

    /** {@code true} when the procedure may be reached over RPC at all (and so registered at a gateway). */
    public boolean isRemotelyCallable() {
        return this != PRIVATE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
