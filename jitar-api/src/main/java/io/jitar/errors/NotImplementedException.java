package io.jitar.errors;

/** HTTP 501. Not implemented. Applications may throw or extend it. */
public class NotImplementedException extends JitarException {

    public NotImplementedException(String message) {
        super(501, message);
    }

    public NotImplementedException(String message, Throwable cause) {
        super(501, message, cause);
    }
}
