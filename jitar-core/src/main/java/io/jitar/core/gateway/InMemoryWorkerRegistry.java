package io.jitar.core.gateway;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link WorkerRegistry} for a single gateway JVM.
 *
 * <p>Thread-safe by copy-on-write: every change builds a new immutable {@link Snapshot} of all
 * workers and of one {@link ProcedureBalancer} per procedure, and publishes it through a
 * volatile field. Readers (picking, {@link #workers()}, {@link #find}) take no lock and always
 * see one consistent snapshot. Writers serialize on a lock; they are rare (registrations,
 * reports every few seconds, failures) while picks happen on every request.
 *
 * <p>Worker order is registration order, and the round-robin counter of a procedure survives
 * republishing, so workers keep taking turns fairly while others come and go.
 */
public final class InMemoryWorkerRegistry implements WorkerRegistry {

    private final Clock clock;
    private final MonitorSettings settings;
    private final Object lock = new Object();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /**
     * @param clock    the time of reports, down marks and {@link #evaluate()}
     * @param settings the silence thresholds for new registrations
     */
    public InMemoryWorkerRegistry(Clock clock, MonitorSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public RegisteredWorker register(URI url, Set<String> procedureNames, Set<String> idempotentProcedureNames,
                                     String name, Set<String> segments) {
        // Validate before taking the lock: bad input must not delay other writers.
        RegisteredWorker worker = RegisteredWorker.create(url, procedureNames, idempotentProcedureNames, name, segments,
                new WorkerHealth(WorkerState.AVAILABLE, clock.instant(), settings));
        synchronized (lock) {
            Map<String, RegisteredWorker> workers = copyOfWorkers();
            workers.values().removeIf(registered -> registered.url().equals(worker.url()));
            workers.put(worker.id(), worker);
            publish(workers);
        }
        return worker;
    }

    @Override
    public void report(String id, WorkerState state) {
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            Map<String, RegisteredWorker> workers = copyOfWorkers();
            workers.put(id, requireWorker(workers, id).withReport(state, clock.instant()));
            publish(workers);
        }
    }

    @Override
    public void remove(String id) {
        synchronized (lock) {
            Map<String, RegisteredWorker> workers = copyOfWorkers();
            requireWorker(workers, id);
            workers.remove(id);
            publish(workers);
        }
    }

    @Override
    public void markDown(String id, Duration howLong) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(howLong, "howLong");
        if (howLong.isNegative()) {
            throw new IllegalArgumentException("howLong must be >= 0, got " + howLong);
        }
        synchronized (lock) {
            RegisteredWorker worker = snapshot.workersById().get(id);
            if (worker == null) {
                return;
            }
            Map<String, RegisteredWorker> workers = copyOfWorkers();
            workers.put(id, worker.markedDownUntil(clock.instant().plus(howLong)));
            publish(workers);
        }
    }

    @Override
    public ProcedureBalancer balancer(String procedureName) {
        Objects.requireNonNull(procedureName, "procedureName");
        ProcedureBalancer balancer = snapshot.balancers().get(procedureName);
        if (balancer == null) {
            throw new ProcedureNotFoundException(procedureName);
        }
        if (balancer.isEmpty()) {
            throw new NoWorkerAvailableException(procedureName);
        }
        return balancer;
    }

    @Override
    public void evaluate() {
        synchronized (lock) {
            Instant now = clock.instant();
            Map<String, RegisteredWorker> workers = copyOfWorkers();
            workers.values().removeIf(worker -> worker.stateAt(now) == WorkerState.STOPPED);
            workers.replaceAll((id, worker) -> worker.isDownAt(now) ? worker : worker.withoutDownMark());
            // Always republish: silence demotes workers without changing what is stored.
            publish(workers);
        }
    }

    @Override
    public List<RegisteredWorker> workers() {
        return List.copyOf(snapshot.workersById().values());
    }

    @Override
    public Optional<RegisteredWorker> find(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(snapshot.workersById().get(id));
    }

    private Map<String, RegisteredWorker> copyOfWorkers() {
        return new LinkedHashMap<>(snapshot.workersById());
    }

    private static RegisteredWorker requireWorker(Map<String, RegisteredWorker> workers, String id) {
        Objects.requireNonNull(id, "id");
        RegisteredWorker worker = workers.get(id);
        if (worker == null) {
            throw new UnknownWorkerException(id);
        }
        return worker;
    }

    /** Builds and publishes the snapshot of {@code workers}; the caller holds the lock. */
    private void publish(Map<String, RegisteredWorker> workers) {
        Instant now = clock.instant();
        // Every offered procedure gets an entry, also without available workers: that tells a
        // known procedure (503) from an unknown one (404).
        Map<String, List<RegisteredWorker>> availableByProcedure = new HashMap<>();
        for (RegisteredWorker worker : workers.values()) {
            for (String procedureName : worker.procedureNames()) {
                List<RegisteredWorker> available =
                        availableByProcedure.computeIfAbsent(procedureName, name -> new ArrayList<>());
                if (worker.isPickableAt(now)) {
                    available.add(worker);
                }
            }
        }
        Map<String, ProcedureBalancer> previous = snapshot.balancers();
        Map<String, ProcedureBalancer> balancers = new HashMap<>();
        availableByProcedure.forEach((procedureName, available) -> {
            ProcedureBalancer before = previous.get(procedureName);
            balancers.put(procedureName, before == null
                    ? new ProcedureBalancer(procedureName, available)
                    : before.withWorkers(available));
        });
        snapshot = new Snapshot(Collections.unmodifiableMap(workers), Map.copyOf(balancers));
    }

    /** Everything readers see, published as one unit so they never mix two states. */
    private record Snapshot(Map<String, RegisteredWorker> workersById,
                            Map<String, ProcedureBalancer> balancers) {

        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());
    }
}
