package io.jitar.errors;

/** HTTP 401. The caller is not authorized. Applications may throw or extend it. */
public class UnauthorizedException extends JitarException {

    public UnauthorizedException(String message) {
        super(401, message);
    }

    public UnauthorizedException(String message, Throwable cause) {
        super(401, message, cause);
    }
}
