package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Set;

/**
 * A {@link WorkerRegistry} for a single gateway JVM.
 *
 * <p>Picks are lock-free, constant-time and allocation-free: each procedure has an immutable
 * {@link ProcedureBalancer} in a concurrent map ({@link ProcedureBalancers}), so failover iterates
 * one consistent list. Writers serialize on a lock and replace only the balancers of the
 * procedures of a worker whose availability changed: it registered or left, was marked down,
 * reported another state, or {@link #evaluate()} found it demoted by silence or its down mark
 * expired. That costs time linear in the worker's procedures, not in the registry's size; a report
 * that keeps a worker available touches no balancer.
 *
 * <p>During a change readers may see some of the worker's procedures updated and others not yet,
 * the balancers a moment ahead of {@link #workers()} (published last), and, while a URL registers
 * again, its old and new registration side by side. That is acceptable: each balancer is
 * consistent in itself; no request spans procedures; and a request holding a balancer has the same
 * staleness anyway, which the gateway handles by failing over and by {@link #markDown} ignoring
 * unknown ids. A procedure that stays offered is never missing (the new registration joins before
 * the old leaves, and an entry goes only with the last worker offering it).
 *
 * <p>A balancer holds a worker as it was when it became available: reports that keep it available
 * replace it in {@link #workers()} only, so a picked worker may carry an older health; its id, URL,
 * procedures and load are the same.
 *
 * <p>Worker order is registration order, in {@link #workers()} and in every balancer, and the
 * round-robin counter of a procedure survives every change, so workers keep taking turns fairly
 * while others come and go. {@link #workers()} and {@link #find} read one immutable map, copied on
 * each change: time in the number of workers, far below their procedures.
 */
public final class InMemoryWorkerRegistry implements WorkerRegistry {

    private final Clock clock;
    private final MonitorSettings settings;
    private final Object lock = new Object();
    private final ProcedureBalancers balancers = new ProcedureBalancers();
    /** The writers' view, guarded by the lock: every worker, in registration order. */
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    /** Guarded by the lock: which registration each URL has, to replace it on re-registration. */
    private final Map<URI, String> idsByUrl = new HashMap<>();
    /** Guarded by the lock. */
    private long registrations;
    /** The readers' view: every worker in registration order, immutable. */
    private volatile Map<String, RegisteredWorker> workersById = Map.of();
    /** Grows under the lock with every change of the balancers; read without it. */
    private volatile long routesVersion;
    /** Guarded by the lock. */
    private boolean routesAnnounced = true;
    private final List<Runnable> routeListeners = new CopyOnWriteArrayList<>();

    /**
     * @param clock    the time of reports, down marks and {@link #evaluate()}
     * @param settings the silence thresholds for new registrations
     */
    public InMemoryWorkerRegistry(Clock clock, MonitorSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        // Counted from the start time, so that a restarted gateway never repeats a version a worker
        // still holds (it would then wait for the next change with a table of the old gateway's).
        this.routesVersion = clock.millis() * 1000;
    }

    @Override
    public RegisteredWorker register(URI url, Set<String> procedureNames, Set<String> idempotentProcedureNames,
                                     String name, Set<String> segments) {
        // Validate before taking the lock: bad input must not delay other writers.
        RegisteredWorker worker = new RegisteredWorker(
                Registration.withNewId(url, procedureNames, idempotentProcedureNames, name, segments),
                new WorkerHealth(WorkerState.AVAILABLE, clock.instant(), settings));
        synchronized (lock) {
            add(worker);
        }
        return worker;
    }

    /**
     * Takes in a registration made elsewhere (at another gateway sharing the registry), with the
     * state it last reported, as of now. A registration this registry knows already gets the state
     * as a report. Like {@link #register}, a registration of a URL replaces the one before it.
     *
     * @return the id of the registration it replaced, if any
     */
    public Optional<String> adopt(Registration registration, WorkerState state) {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            if (slots.containsKey(registration.id())) {
                report(registration.id(), state);
                return Optional.empty();
            }
            return Optional.ofNullable(add(new RegisteredWorker(registration,
                    new WorkerHealth(state, clock.instant(), settings))));
        }
    }

    /** Adds a new registration; returns the id of the one of its URL it replaced, or null. The caller holds the lock. */
    private String add(RegisteredWorker worker) {
        Slot slot = new Slot(worker, registrations++);
        slots.put(worker.id(), slot);
        boolean available = worker.isPickableAt(clock.instant());
        slot.published = available ? worker : null;
        // The new worker joins before the one it replaces leaves, so shared procedures stay offered throughout.
        balancers.join(worker, available, this::order);
        if (available) {
            routesChanged();
        }
        String replacedId = idsByUrl.put(worker.url(), worker.id());
        if (replacedId != null) {
            forget(slots.remove(replacedId));
        }
        publishWorkers();
        return replacedId;
    }

    @Override
    public void report(String id, WorkerState state) {
        Objects.requireNonNull(state, "state");
        synchronized (lock) {
            Slot slot = requireSlot(id);
            Instant now = clock.instant();
            slot.current = slot.current.withReport(state, now);
            updateAvailability(slot, now);
            publishWorkers();
        }
    }

    @Override
    public void remove(String id) {
        synchronized (lock) {
            Slot slot = requireSlot(id);
            slots.remove(id);
            forget(slot);
            publishWorkers();
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
            Slot slot = slots.get(id);
            if (slot == null) {
                return;
            }
            Instant now = clock.instant();
            slot.current = slot.current.markedDownUntil(now.plus(howLong));
            updateAvailability(slot, now);
            publishWorkers();
        }
    }

    @Override
    public ProcedureBalancer balancer(String procedureName) {
        Objects.requireNonNull(procedureName, "procedureName");
        ProcedureBalancer balancer = balancers.get(procedureName);
        if (balancer == null) {
            throw new ProcedureNotFoundException(procedureName);
        }
        if (balancer.isEmpty()) {
            throw new NoWorkerAvailableException(procedureName);
        }
        return balancer;
    }

    /**
     * Time in the number of workers, plus the procedures of those whose availability changed:
     * silence and expiring down marks change no stored state, so each worker's availability now is
     * compared with what the balancers hold.
     */
    @Override
    public void evaluate() {
        synchronized (lock) {
            Instant now = clock.instant();
            boolean changed = false;
            for (Iterator<Slot> iterator = slots.values().iterator(); iterator.hasNext(); ) {
                Slot slot = iterator.next();
                RegisteredWorker worker = slot.current;
                if (worker.stateAt(now) == WorkerState.STOPPED) {
                    iterator.remove();
                    forget(slot);
                    changed = true;
                    continue;
                }
                RegisteredWorker cleared = worker.isDownAt(now) ? worker : worker.withoutDownMark();
                if (cleared != worker) {
                    slot.current = cleared;
                    changed = true;
                }
                updateAvailability(slot, now);
            }
            if (changed) {
                publishWorkers();
            }
            announceRoutes();
        }
    }

    @Override
    public List<RegisteredWorker> workers() {
        return List.copyOf(workersById.values());
    }

    @Override
    public Optional<RegisteredWorker> find(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(workersById.get(id));
    }

    @Override
    public long routesVersion() {
        return routesVersion;
    }

    @Override
    public void onRoutesChange(Runnable listener) {
        routeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** How many distinct worker lists the balancers share, for tests. */
    int sharedWorkerLists() {
        synchronized (lock) {
            return balancers.sharedLists();
        }
    }

    /** Puts the slot's worker in or takes it out of its procedures' balancers if its availability changed. */
    private void updateAvailability(Slot slot, Instant now) {
        boolean available = slot.current.isPickableAt(now);
        if (available && slot.published == null) {
            slot.published = slot.current;
            balancers.makeAvailable(slot.current, this::order);
            routesChanged();
        } else if (!available && slot.published != null) {
            balancers.makeUnavailable(slot.published);
            slot.published = null;
            routesChanged();
        }
    }

    /** The caller holds the lock; {@link #announceRoutes} tells the listeners once the change is published. */
    private void routesChanged() {
        routesVersion++;
        routesAnnounced = false;
    }

    /**
     * Tells the listeners of a change of the routes, after {@link #publishWorkers}: a listener that
     * reads {@link #workers()} must see the change its version stands for. The caller holds the lock.
     */
    private void announceRoutes() {
        if (!routesAnnounced) {
            routesAnnounced = true;
            routeListeners.forEach(Runnable::run);
        }
    }

    /** Takes a slot just removed from {@link #slots} out of the balancers; the caller holds the lock. */
    private void forget(Slot slot) {
        balancers.leave(slot.current, slot.published);
        if (slot.published != null) {
            routesChanged();
        }
        // A no-op when a new registration of the URL replaced this one.
        idsByUrl.remove(slot.current.url(), slot.current.id());
    }

    /** The registration order of a worker in the balancers; the caller holds the lock. */
    private long order(RegisteredWorker worker) {
        return slots.get(worker.id()).order;
    }

    private Slot requireSlot(String id) {
        Objects.requireNonNull(id, "id");
        Slot slot = slots.get(id);
        if (slot == null) {
            throw new UnknownWorkerException(id);
        }
        return slot;
    }

    /** Publishes the workers for {@link #workers()} and {@link #find}; the caller holds the lock. */
    private void publishWorkers() {
        // Sized for the workers at the default load factor: no rehashing while filling it.
        Map<String, RegisteredWorker> workers = new LinkedHashMap<>(slots.size() * 4 / 3 + 1);
        for (Slot slot : slots.values()) {
            workers.put(slot.current.id(), slot.current);
        }
        workersById = Collections.unmodifiableMap(workers);
        announceRoutes();
    }

    /** One registration as the writers track it; guarded by the lock. */
    private static final class Slot {

        final long order;
        /** The worker as {@link #find} shows it. */
        RegisteredWorker current;
        /** The instance in its procedures' balancers, or {@code null} while it is not available. */
        RegisteredWorker published;

        Slot(RegisteredWorker worker, long order) {
            this.current = worker;
            this.order = order;
        }
    }
}
