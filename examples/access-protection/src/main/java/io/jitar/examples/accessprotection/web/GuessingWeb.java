package io.jitar.examples.accessprotection.web;

import io.jitar.examples.accessprotection.game.Game;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asks the game whether a guess is right. Standalone, {@code game} is the local bean; in a cluster
 * it is a remote proxy that calls the protected {@code game/checkSecret} through the gateway with
 * this worker's trust key. The code is the same either way.
 */
@ApplicationScoped
public class GuessingWeb implements Web {

    @Inject
    Game game;

    @Override
    public String guessSecret(int secret) {
        return game.checkSecret(secret) ? "Congratulations!" : "Sorry, try again!";
    }
}
