package io.jitar.examples.showcase.lobby;

import io.jitar.errors.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The lobby: an ordinary CDI bean. */
@ApplicationScoped
public class FrontDesk implements Lobby {

    static final int MAX_NAME_LENGTH = 60;

    private final AtomicLong greetings = new AtomicLong();

    @Override
    public Greeting greet(Optional<String> name) {
        String who = name.map(String::strip).filter(n -> !n.isEmpty()).orElse("World");
        if (who.length() > MAX_NAME_LENGTH) {
            throw new BadRequestException("Parameter 'name' must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return new Greeting("Hello " + who, greetings.incrementAndGet());
    }

    @Override
    public ClockReading time(Optional<String> zone) {
        ZoneId id;
        try {
            id = ZoneId.of(zone.map(String::strip).filter(z -> !z.isEmpty()).orElse("UTC"));
        } catch (DateTimeException e) {
            throw new BadRequestException("Parameter 'zone' must be a time zone such as 'UTC' or 'Europe/Amsterdam'");
        }
        return new ClockReading(id.getId(), OffsetDateTime.now(Clock.system(id)));
    }
}
