package io.jitar.gateway.grid;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.jitar.core.protocol.WorkerState;
import io.jitar.gateway.cluster.InMemoryWorkerRegistry;
import io.jitar.gateway.cluster.ProcedureBalancer;
import io.jitar.gateway.cluster.RegisteredWorker;
import io.jitar.gateway.cluster.Registration;
import io.jitar.gateway.cluster.UnknownWorkerException;
import io.jitar.gateway.cluster.WorkerRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link WorkerRegistry} that several gateways share through Payara's Hazelcast data grid.
 *
 * <p>The grid holds one {@link WorkerLease} per registration in an {@link IMap}, with a time to
 * live of the stopped threshold: a worker's report through any gateway renews its lease, and a
 * lease nobody renews expires on every member at once. Each gateway keeps its own
 * {@link InMemoryWorkerRegistry} as the picture it balances on, fed from the map's entry events
 * (its own writes included, which it applies first and then sees again: every change is
 * idempotent). So forwarding never touches the grid: picking stays the in-memory registry's
 * lock-free, allocation-free read. Down marks from refused connections stay local, as do the
 * load counters and the silence timers (restarted by every report event, wherever it arrived).
 *
 * <p>A gateway that joins (or rejoins) listens first and then reads every lease, so it knows every
 * worker without any re-registering; an event that overlaps the read is applied twice, harmlessly.
 */
public final class GridWorkerRegistry implements WorkerRegistry {

    /** The map every gateway of one grid cluster shares. */
    public static final String MAP_NAME = "jitar-workers";

    private static final Logger LOG = Logger.getLogger(GridWorkerRegistry.class.getName());

    private final InMemoryWorkerRegistry local;
    private final HazelcastInstance grid;
    private final IMap<String, String> leases;
    private final long leaseMillis;
    private final UUID listener;
    private final UUID membership;

    /**
     * Joins the registry in {@code grid}; {@link #close()} leaves it.
     *
     * @param local the picture this gateway balances on, empty
     * @param lease how long a registration lives without a report: the stopped threshold
     */
    public GridWorkerRegistry(HazelcastInstance grid, InMemoryWorkerRegistry local, Duration lease) {
        this.local = Objects.requireNonNull(local, "local");
        this.grid = grid;
        this.leases = grid.getMap(MAP_NAME);
        this.leaseMillis = lease.toMillis();
        LeaseEvents events = new LeaseEvents(this);
        this.listener = leases.addEntryListener(events, true);
        int known = readAll();
        LOG.info(() -> "Sharing the worker registry in the data grid (map " + MAP_NAME + ", lease " + leaseMillis
                + " ms): " + known + " workers registered already");
        // After a split (a gateway hung past the heartbeat limit) heals, the events of the other side
        // are gone: every lease is read again once a member joins this one's view (LeaseEvents).
        this.membership = grid.getCluster().addMembershipListener(events);
    }

    /** Applies every lease the grid holds; returns how many were readable. */
    private int readAll() {
        int adopted = 0;
        for (Map.Entry<String, String> entry : leases.entrySet()) {
            adopted += apply(entry.getKey(), entry.getValue()) ? 1 : 0;
        }
        return adopted;
    }

    /** Applies every lease again, off Hazelcast's event thread. */
    void resync(String why) {
        try {
            int known = readAll();
            LOG.info(() -> "Read the grid's leases again (" + why + "): " + known + " workers");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the grid's leases again failed (" + why + ")", e);
        }
    }

    @Override
    public RegisteredWorker register(URI url, Set<String> procedureNames, Set<String> idempotentProcedureNames,
                                     String name, Set<String> segments) {
        Registration registration = Registration.withNewId(url, procedureNames, idempotentProcedureNames, name, segments);
        // The registration it replaces, known before this one's own event may replace it here.
        Optional<String> replaced = local.workers().stream()
                .filter(worker -> worker.url().equals(registration.url())).map(RegisteredWorker::id).findFirst();
        // The grid first: a registration the grid refused must not be routable here alone.
        lease(new WorkerLease(registration, WorkerState.AVAILABLE));
        local.adopt(registration, WorkerState.AVAILABLE);
        // Only the registering gateway ends the old lease; the others replace it by its URL.
        replaced.ifPresent(leases::delete);
        return local.find(registration.id()).orElseThrow(() -> new UnknownWorkerException(registration.id()));
    }

    @Override
    public void report(String id, WorkerState state) {
        Objects.requireNonNull(state, "state");
        RegisteredWorker worker = local.find(id).or(() -> fromGrid(id)).orElseThrow(() -> new UnknownWorkerException(id));
        lease(new WorkerLease(worker.registration(), state));
        local.report(id, state);
    }

    @Override
    public void remove(String id) {
        Objects.requireNonNull(id, "id");
        boolean shared = leases.remove(id) != null;
        try {
            local.remove(id);
        } catch (UnknownWorkerException e) {
            if (!shared) {
                throw e;
            }
            // Known to the grid only (its event not applied here yet): removed all the same.
        }
    }

    @Override
    public void markDown(String id, Duration howLong) {
        local.markDown(id, howLong);
    }

    @Override
    public ProcedureBalancer balancer(String procedureName) {
        return local.balancer(procedureName);
    }

    @Override
    public void evaluate() {
        local.evaluate();
    }

    @Override
    public List<RegisteredWorker> workers() {
        return local.workers();
    }

    @Override
    public Optional<RegisteredWorker> find(String id) {
        return local.find(id);
    }

    @Override
    public long routesVersion() {
        return local.routesVersion();
    }

    @Override
    public void onRoutesChange(Runnable listener) {
        local.onRoutesChange(listener);
    }

    /** Stops listening; the leases stay for the other gateways. */
    public void close() {
        try {
            leases.removeEntryListener(listener);
            grid.getCluster().removeMembershipListener(membership);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The grid was gone before the registry left it", e);
        }
    }

    // ---- the grid's events (LeaseEvents) -------------------------------------------------------------

    /** A lease was written (here or at another gateway); returns whether it was readable. */
    boolean apply(String id, String text) {
        WorkerLease lease;
        try {
            lease = WorkerLease.parse(id, text);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Ignoring a worker entry in the grid: " + e.getMessage());
            return false;
        }
        local.adopt(lease.registration(), lease.state());
        return true;
    }

    /** A lease ended: removed by a gateway, or expired because nobody renewed it. */
    void ended(String id, boolean expired) {
        try {
            local.remove(id);
            if (expired) {
                LOG.info(() -> "Worker " + id + " removed: its lease expired (no report through any gateway)");
            }
        } catch (UnknownWorkerException e) {
            // Removed here already (by this gateway's own silence check or its own removal).
        }
    }

    private Optional<RegisteredWorker> fromGrid(String id) {
        // Registered at another gateway a moment ago: its event may not have arrived yet.
        String text = leases.get(id);
        return text != null && apply(id, text) ? local.find(id) : Optional.empty();
    }

    private void lease(WorkerLease lease) {
        try {
            leases.set(lease.registration().id(), lease.toText(), leaseMillis, TimeUnit.MILLISECONDS);
        } catch (HazelcastException e) {
            // 503, not 500: the worker tries its next gateway (this one's grid is going away).
            throw new GridUnavailableException("The data grid did not take worker " + lease.registration().id()
                    + "'s registration or report: " + e.getMessage());
        }
    }
}
