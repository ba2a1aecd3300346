package io.jitar.core.protocol;

/** An application's own unchecked exception: its type and message may travel to a remote caller. */
public class GameOverException extends RuntimeException {

    public GameOverException(String message) {
        super(message);
    }
}
