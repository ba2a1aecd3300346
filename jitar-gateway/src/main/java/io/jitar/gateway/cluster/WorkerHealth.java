package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The health state machine of one worker: what it reported last, and when.
 *
 * <p>The effective state at an instant is the reported state, demoted by silence:
 * <ul>
 *   <li>once at least {@link MonitorSettings#stoppedThreshold()} has passed since the last
 *       report, the worker is {@link WorkerState#STOPPED}, whatever it reported;</li>
 *   <li>else once at least {@link MonitorSettings#unavailableThreshold()} has passed, a worker
 *       that reported {@link WorkerState#STARTING} or {@link WorkerState#AVAILABLE} is
 *       {@link WorkerState#UNAVAILABLE}. States that are already not serving
 *       ({@code UNAVAILABLE}, {@code STOPPING}, {@code STOPPED}) are kept: silence only ever
 *       demotes, it never promotes.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; the thresholds are validated by {@link MonitorSettings}.
 *
 * @param reportedState the state the worker reported last (or was registered with)
 * @param reportedAt    when that report arrived, by the gateway's clock
 * @param settings      the silence thresholds
 */
public record WorkerHealth(WorkerState reportedState, Instant reportedAt, MonitorSettings settings) {

    public WorkerHealth {
        Objects.requireNonNull(reportedState, "reportedState");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(settings, "settings");
    }

    /** A worker that reported {@code state} at {@code at}, with the thresholds given directly. */
    public static WorkerHealth of(WorkerState state, Instant at,
                                  Duration unavailableThreshold, Duration stoppedThreshold) {
        return new WorkerHealth(state, at, new MonitorSettings(unavailableThreshold, stoppedThreshold));
    }

    /** The effective state at {@code now}, see the class comment. */
    public WorkerState stateAt(Instant now) {
        Objects.requireNonNull(now, "now");
        if (hasElapsed(settings.stoppedThreshold(), now)) {
            return WorkerState.STOPPED;
        }
        if (hasElapsed(settings.unavailableThreshold(), now) && isServingState(reportedState)) {
            return WorkerState.UNAVAILABLE;
        }
        return reportedState;
    }

    /** A new health after the worker reported {@code state} at {@code at}; thresholds are kept. */
    public WorkerHealth report(WorkerState state, Instant at) {
        return new WorkerHealth(state, at, settings);
    }

    private boolean hasElapsed(Duration threshold, Instant now) {
        // A clock that went backwards yields a negative silence: treat it as a fresh report.
        return !now.isBefore(reportedAt.plus(threshold));
    }

    private static boolean isServingState(WorkerState state) {
        return state == WorkerState.STARTING || state == WorkerState.AVAILABLE;
    }
}
