package io.jitar.proxy.routing;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Ends exchanges that made no progress for longer than the timeout. One sweeper serves every
 * exchange: registering is a set insertion, progress is a timestamp the exchange writes itself,
 * and one periodic {@link #sweep()} (the caller schedules it) finds the idle ones, so the
 * per-request cost is independent of the timeout and needs no timer per request.
 *
 * <p>Thread-safe: exchanges register and leave from any thread while a sweep runs.
 */
public final class IdleSweeper {

    /** What the sweeper watches: something with a last-progress time that can be ended. */
    public interface Watched {

        /** The {@linkplain IdleSweeper#now() time} of the last progress (a byte read or written). */
        long lastProgress();

        /** Called once the exchange has been idle for longer than the timeout; it is no longer watched. */
        void idle();
    }

    private final long timeoutNanos;
    private final LongSupplier clock;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();

    /**
     * @param timeout how long an exchange may make no progress; must be positive
     * @param clock   nanosecond ticks, {@code System::nanoTime} outside tests
     */
    public IdleSweeper(Duration timeout, LongSupplier clock) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How often to call {@link #sweep()}: a quarter of the timeout, between 100 ms and 1 s. */
    public static Duration interval(Duration timeout) {
        Duration quarter = timeout.dividedBy(4);
        Duration shortest = Duration.ofMillis(100);
        Duration longest = Duration.ofSeconds(1);
        return quarter.compareTo(shortest) < 0 ? shortest : quarter.compareTo(longest) > 0 ? longest : quarter;
    }

    /** The current time of the sweeper's clock, for {@link Watched#lastProgress()}. */
    public long now() {
        return clock.getAsLong();
    }

    public void watch(Watched exchange) {
        watched.add(exchange);
    }

    public void unwatch(Watched exchange) {
        watched.remove(exchange);
    }

    public int size() {
        return watched.size();
    }

    /**
     * Ends every exchange idle for longer than the timeout; an exchange that throws does not stop
     * the sweep.
     *
     * @return how many exchanges were ended
     */
    public int sweep() {
        long now = clock.getAsLong();
        int ended = 0;
        for (Watched exchange : watched) {
            if (now - exchange.lastProgress() > timeoutNanos && watched.remove(exchange)) {
                ended++;
                try {
                    exchange.idle();
                } catch (RuntimeException e) {
                    Logger.getLogger(IdleSweeper.class.getName())
                            .log(Level.WARNING, "An idle exchange failed to end", e);
                }
            }
        }
        return ended;
    }
}
