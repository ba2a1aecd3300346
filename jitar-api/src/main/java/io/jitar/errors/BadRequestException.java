package io.jitar.errors;

/** HTTP 400. The request is not valid. Applications may throw or extend it. */
public class BadRequestException extends JitarException {

    public BadRequestException(String message) {
        super(400, message);
    }

    public BadRequestException(String message, Throwable cause) {
        super(400, message, cause);
    }
}
