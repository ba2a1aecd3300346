package io.jitar.gateway.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway treats a worker on the way to an answer. Immutable and thread-safe.
 *
 * @param requestTimeout how long one worker may take to answer a forwarded request before the
 *                       caller gets a 504; must be positive
 * @param downTime       how long a worker that could not be connected to gets no requests, unless
 *                       it reports {@code AVAILABLE} earlier; zero or positive
 */
public record ForwardingSettings(Duration requestTimeout, Duration downTime) {

    /** Default time a worker may take to answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Default time an unreachable worker is skipped. */
    public static final Duration DEFAULT_DOWN_TIME = Duration.ofSeconds(2);

    public ForwardingSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(downTime, "downTime");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be > 0, got " + requestTimeout);
        }
        if (downTime.isNegative()) {
            throw new IllegalArgumentException("downTime must be >= 0, got " + downTime);
        }
    }

    /** 30 seconds to answer, 2 seconds down after a failed connection. */
    public static ForwardingSettings defaults() {
        return new ForwardingSettings(DEFAULT_REQUEST_TIMEOUT, DEFAULT_DOWN_TIME);
    }
}
