package io.jitar.errors;

/** HTTP 500. The server failed. Applications may throw or extend it. */
public class ServerErrorException extends JitarException {

    public ServerErrorException(String message) {
        super(500, message);
    }

    public ServerErrorException(String message, Throwable cause) {
        super(500, message, cause);
    }
}
