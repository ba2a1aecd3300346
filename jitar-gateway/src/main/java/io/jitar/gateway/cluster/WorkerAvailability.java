package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether requests may go to a worker: its own reports ({@link WorkerHealth}, demoted by silence)
 * and the gateway's passive down mark, set when it saw the worker fail to connect. Immutable:
 * every change is a new value.
 *
 * @param health    the health state machine
 * @param downUntil end of the passive down mark; {@code null} when the gateway saw no failure
 */
public record WorkerAvailability(WorkerHealth health, Instant downUntil) {

    public WorkerAvailability {
        Objects.requireNonNull(health, "health");
    }

    /** As reported, with no down mark. */
    public static WorkerAvailability of(WorkerHealth health) {
        return new WorkerAvailability(health, null);
    }

    /** The health state at {@code now}, ignoring a down mark; see {@link WorkerHealth#stateAt}. */
    public WorkerState stateAt(Instant now) {
        return health.stateAt(now);
    }

    /** Whether the down mark still holds at {@code now}. */
    public boolean isDownAt(Instant now) {
        return downUntil != null && now.isBefore(downUntil);
    }

    /** Available and not marked down at {@code now}. */
    public boolean isPickableAt(Instant now) {
        return stateAt(now) == WorkerState.AVAILABLE && !isDownAt(now);
    }

    /** End of the down mark, if one was set and no report cleared it. */
    public Optional<Instant> downMark() {
        return Optional.ofNullable(downUntil);
    }

    /**
     * After the worker reported {@code state} at {@code at}. An {@code AVAILABLE} report clears
     * the down mark: the worker says it is back, and it is the better judge of that.
     */
    public WorkerAvailability afterReport(WorkerState state, Instant at) {
        return new WorkerAvailability(health.report(state, at), state == WorkerState.AVAILABLE ? null : downUntil);
    }

    /** Marked down until {@code until}; a later mark is kept, so two concurrent failures cannot shorten each other. */
    public WorkerAvailability markedDownUntil(Instant until) {
        Objects.requireNonNull(until, "until");
        return new WorkerAvailability(health, downUntil != null && downUntil.isAfter(until) ? downUntil : until);
    }

    /** Without a down mark. */
    public WorkerAvailability withoutDownMark() {
        return downUntil == null ? this : new WorkerAvailability(health, null);
    }
}
