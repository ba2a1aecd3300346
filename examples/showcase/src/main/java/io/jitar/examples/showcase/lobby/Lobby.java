package io.jitar.examples.showcase.lobby;

import java.util.Optional;

/**
 * The procedure module {@code lobby}, in segment {@code light}: small, fast procedures that are
 * called often. One worker is plenty for them.
 */
public interface Lobby {

    /**
     * {@code lobby/greet}: a greeting, numbered per worker.
     *
     * @throws io.jitar.errors.BadRequestException when {@code name} is longer than 60 characters
     */
    Greeting greet(Optional<String> name);

    /**
     * {@code lobby/time}: the current time in a time zone (default UTC).
     *
     * @throws io.jitar.errors.BadRequestException when {@code zone} is no time zone
     */
    ClockReading time(Optional<String> zone);
}
