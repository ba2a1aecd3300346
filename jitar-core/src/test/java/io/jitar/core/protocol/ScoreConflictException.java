package io.jitar.core.protocol;

import io.jitar.errors.JitarException;

/** An application's own HTTP 409, extending the runtime's base exception. */
public class ScoreConflictException extends JitarException {

    public ScoreConflictException(String message) {
        super(409, message);
    }
}
