package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import java.time.Duration;
import java.util.Objects;

/**
 * How long the gateway waits for a worker's report before it distrusts the worker.
 *
 * <p>Immutable and thread-safe. Invalid settings are a configuration mistake, hence
 * {@link IllegalArgumentException} rather than an HTTP error.
 *
 * @param unavailableThreshold silence after which a starting or available worker counts as
 *                             {@link WorkerState#UNAVAILABLE}; must be positive
 * @param stoppedThreshold     silence after which any worker counts as {@link WorkerState#STOPPED}
 *                             and is removed; must be longer than {@code unavailableThreshold}
 */
public record MonitorSettings(Duration unavailableThreshold, Duration stoppedThreshold) {

    /** Default silence before a worker counts as unavailable: two missed reports at 3s. */
    public static final Duration DEFAULT_UNAVAILABLE_THRESHOLD = Duration.ofSeconds(6);

    /** Default silence before a worker counts as stopped and is removed. */
    public static final Duration DEFAULT_STOPPED_THRESHOLD = Duration.ofSeconds(18);

    public MonitorSettings {
        Objects.requireNonNull(unavailableThreshold, "unavailableThreshold");
        Objects.requireNonNull(stoppedThreshold, "stoppedThreshold");
        if (unavailableThreshold.isNegative() || unavailableThreshold.isZero()) {
            throw new IllegalArgumentException(
                    "unavailableThreshold must be > 0, got " + unavailableThreshold);
        }
        if (stoppedThreshold.isNegative() || stoppedThreshold.isZero()) {
            throw new IllegalArgumentException(
                    "stoppedThreshold must be > 0, got " + stoppedThreshold);
        }
        // Equal thresholds would skip the unavailable phase, in which a worker may still recover.
        if (stoppedThreshold.compareTo(unavailableThreshold) <= 0) {
            throw new IllegalArgumentException("stoppedThreshold must be > unavailableThreshold, got "
                    + stoppedThreshold + " <= " + unavailableThreshold);
        }
    }

    /** 6 seconds to unavailable, 18 seconds to stopped. */
    public static MonitorSettings defaults() {
        return new MonitorSettings(DEFAULT_UNAVAILABLE_THRESHOLD, DEFAULT_STOPPED_THRESHOLD);
    }
}
