package io.jitar.errors;

/**
 * Base of the exceptions that carry an HTTP meaning. Applications may throw these directly or
 * extend them; the runtime answers with {@link #status()} and {@link #getMessage()}, and a remote
 * caller gets the same type back when the class is on its classpath.
 *
 * <p>Never carries a stack trace over the wire.
 */
public class JitarException extends RuntimeException {

    private final int status;

    public JitarException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status, got " + status);
        }
        this.status = status;
    }

    public JitarException(int status, String message, Throwable cause) {
        this(status, message);
        initCause(cause);
    }

    /** The HTTP status this condition maps to. */
    public int status() {
        return status;
    }
}
