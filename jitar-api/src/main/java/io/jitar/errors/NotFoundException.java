package io.jitar.errors;

/** HTTP 404. The resource was not found. Applications may throw or extend it. */
public class NotFoundException extends JitarException {

    public NotFoundException(String message) {
        super(404, message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(404, message, cause);
    }
}
