package io.jitar.errors;

/** HTTP 418. I'm a teapot. Applications may throw or extend it. */
public class TeapotException extends JitarException {

    public TeapotException(String message) {
        super(418, message);
    }

    public TeapotException(String message, Throwable cause) {
        super(418, message, cause);
    }
}
