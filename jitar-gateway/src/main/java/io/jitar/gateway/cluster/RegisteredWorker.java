package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One worker as the gateway knows it: its {@link Registration} (validated once, never changing),
 * its {@link WorkerAvailability} (reports and down mark) and its {@link WorkerLoad}.
 *
 * <p>Immutable and thread-safe apart from the load: state changes return new instances, so a
 * registry can publish workers in snapshots that readers use without locks. The load is a
 * thread-safe counter created with the registration and shared by every later instance of it
 * (after reports, down marks), so counting survives republishing; {@link #equals} ignores it.
 */
public final class RegisteredWorker {

    private final Registration registration;
    private final WorkerAvailability availability;
    private final WorkerLoad load;

    /** A new registration's worker, as healthy as {@code health} says, with no down mark and a new load counter. */
    public RegisteredWorker(Registration registration, WorkerHealth health) {
        this(registration, WorkerAvailability.of(health), new WorkerLoad());
    }

    private RegisteredWorker(Registration registration, WorkerAvailability availability, WorkerLoad load) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.availability = availability;
        this.load = load;
    }

    public Registration registration() {
        return registration;
    }

    public WorkerAvailability availability() {
        return availability;
    }

    /** The requests the gateway sent this registration; shared by all its instances. */
    public WorkerLoad load() {
        return load;
    }

    // The registration's parts the registry, the balancer and the forwarder read on every call.

    public String id() {
        return registration.id();
    }

    /** Normalized, so two spellings of the same path compare equal. */
    public URI url() {
        return registration.url();
    }

    /** Unmodifiable and sorted. */
    public Set<String> procedureNames() {
        return registration.procedureNames();
    }

    public boolean isIdempotent(String procedureName) {
        return registration.isIdempotent(procedureName);
    }

    public Optional<String> name() {
        return Optional.ofNullable(registration.name());
    }

    public WorkerState stateAt(Instant now) {
        return availability.stateAt(now);
    }

    public boolean isDownAt(Instant now) {
        return availability.isDownAt(now);
    }

    /** Whether requests may go to this worker at {@code now}: available and not marked down. */
    public boolean isPickableAt(Instant now) {
        return availability.isPickableAt(now);
    }

    /** After the worker reported {@code state} at {@code at}; see {@link WorkerAvailability#afterReport}. */
    public RegisteredWorker withReport(WorkerState state, Instant at) {
        return with(availability.afterReport(state, at));
    }

    /** Marked down until {@code until}; see {@link WorkerAvailability#markedDownUntil}. */
    public RegisteredWorker markedDownUntil(Instant until) {
        return with(availability.markedDownUntil(until));
    }

    /** Without a down mark; this very instance when it has none. */
    public RegisteredWorker withoutDownMark() {
        return availability.downUntil() == null ? this : with(availability.withoutDownMark());
    }

    /** A new instance even for an equal availability, as before the split: shared worker lists go by identity. */
    private RegisteredWorker with(WorkerAvailability changed) {
        return new RegisteredWorker(registration, changed, load);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegisteredWorker worker
                && registration.equals(worker.registration) && availability.equals(worker.availability);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registration, availability);
    }

    @Override
    public String toString() {
        return "RegisteredWorker[" + registration + ", " + availability + "]";
    }
}
