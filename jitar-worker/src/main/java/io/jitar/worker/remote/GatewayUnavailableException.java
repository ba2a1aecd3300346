package io.jitar.worker.remote;

import io.jitar.errors.JitarException;

/** The gateway could not be reached (refused, reset, timed out). Answers 503: the caller may try again. */
public class GatewayUnavailableException extends JitarException {

    public GatewayUnavailableException(String message, Throwable cause) {
        super(503, message, cause);
    }
}
