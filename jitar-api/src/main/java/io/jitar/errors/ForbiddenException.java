package io.jitar.errors;

/** HTTP 403. The caller may not do this. Applications may throw or extend it. */
public class ForbiddenException extends JitarException {

    public ForbiddenException(String message) {
        super(403, message);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(403, message, cause);
    }
}
