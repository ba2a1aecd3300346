package io.jitar.examples.accessprotection.game;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The game: a secret number from 0 to 1000, drawn once when the service starts (as the original)
 * unless {@code game.secret} (environment variable {@code GAME_SECRET}) fixes it, which tests and
 * demos use to know the answer.
 */
@ApplicationScoped
public class SecretGame implements Game {

    private static final Logger LOG = Logger.getLogger(SecretGame.class.getName());

    @Inject
    @ConfigProperty(name = "game.secret")
    Optional<Integer> configuredSecret;

    private int drawn;

    @PostConstruct
    void draw() {
        drawn = configuredSecret.orElseGet(() -> new SecureRandom().nextInt(1001));
        LOG.info(() -> "SECRET: " + drawn);
    }

    /** Creates the bean (so draws and logs the secret) when the service starts, not at the first guess. */
    void onStart(@Observes Startup event) {
        // observing is enough: CDI instantiates the bean and runs draw()
    }

    @Override
    public boolean checkSecret(int secret) {
        return secret == getSecret();
    }

    @Override
    public int getSecret() {
        return drawn;
    }
}
