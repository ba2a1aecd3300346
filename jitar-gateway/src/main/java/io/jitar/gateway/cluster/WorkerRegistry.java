package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import io.jitar.errors.BadRequestException;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's view of its workers: who serves which procedure, and who may take a request now.
 *
 * <p>Implementations must be thread-safe. Picking ({@link #balancer}, {@link #pick}) is on every
 * request's path and should not block; mutations are rare. What the read methods return are
 * snapshots: they may be stale by the time they are used, which is why the gateway fails over
 * to the next candidate of a {@link ProcedureBalancer} when a worker does not answer.
 * Nothing here assumes the registry lives in one JVM: an implementation may share its state
 * among gateways, e.g. in a data grid.
 */
public interface WorkerRegistry {

    /**
     * Registers a worker that declares no procedure idempotent; see
     * {@link #register(URI, Set, Set)}.
     */
    default RegisteredWorker register(URI url, Set<String> procedureNames) {
        return register(url, procedureNames, Set.of());
    }

    /**
     * Registers a worker as {@link WorkerState#AVAILABLE}, with the procedures it declares
     * idempotent: those the gateway may send to another worker after a failure that happened
     * once the request was on its way (the first worker may have run it). A registration with
     * the same URL is replaced, since that is a restarted worker: its old id becomes unknown.
     *
     * @param idempotentProcedureNames a subset of {@code procedureNames}; empty for none
     * @return the registration, with a new id
     * @throws BadRequestException if {@code url} is not an absolute http(s) URL with a host,
     *                             {@code procedureNames} is empty or holds an invalid name, or
     *                             {@code idempotentProcedureNames} names a procedure not in
     *                             {@code procedureNames}
     */
    default RegisteredWorker register(URI url, Set<String> procedureNames, Set<String> idempotentProcedureNames) {
        return register(url, procedureNames, idempotentProcedureNames, null, null);
    }

    /**
     * Registers a worker as {@link #register(URI, Set, Set)} does, with what it tells about itself
     * for the cluster view: its name and the segments it runs.
     *
     * @param name     the worker's {@code jitar.worker.name}, or {@code null} when it sent none
     * @param segments the segments it runs, or {@code null} (or empty) when it did not tell
     * @throws BadRequestException as {@link #register(URI, Set, Set)}, and if {@code name} or a
     *                             segment is not a {@linkplain io.jitar.core.protocol.WorkerLabels label}
     */
    RegisteredWorker register(URI url, Set<String> procedureNames, Set<String> idempotentProcedureNames,
                              String name, Set<String> segments);

    /**
     * Records a worker's own state report, which restarts its silence timers. An
     * {@code AVAILABLE} report also clears a {@linkplain #markDown down mark}.
     *
     * @throws UnknownWorkerException if no worker has this id (e.g. it was removed after falling silent)
     */
    void report(String id, WorkerState state);

    /**
     * Removes a worker, e.g. when it deregisters on shutdown.
     *
     * @throws UnknownWorkerException if no worker has this id
     */
    void remove(String id);

    /**
     * Passive failure detection: the gateway saw this worker fail (e.g. connection refused), so
     * it gets no requests for {@code howLong}, or until it reports {@code AVAILABLE} again.
     * An unknown id is ignored: the worker may have been removed concurrently.
     *
     * @throws IllegalArgumentException if {@code howLong} is negative
     */
    void markDown(String id, Duration howLong);

    /**
     * The balancer for a procedure: a snapshot of its available workers, never empty.
     *
     * @throws ProcedureNotFoundException  if no registered worker offers {@code procedureName}
     * @throws NoWorkerAvailableException if workers offer it but none is available now
     */
    ProcedureBalancer balancer(String procedureName);

    /**
     * The next worker in round-robin order for a procedure, for a caller that does no failover.
     *
     * @throws ProcedureNotFoundException  if no registered worker offers {@code procedureName}
     * @throws NoWorkerAvailableException if workers offer it but none is available now
     */
    default RegisteredWorker pick(String procedureName) {
        ProcedureBalancer balancer = balancer(procedureName);
        return balancer.candidate(balancer.nextStart(), 0);
    }

    /**
     * Applies the passing of time: silent workers are demoted (see {@link WorkerHealth}),
     * {@code STOPPED} workers are removed and expired down marks are cleared. The gateway's
     * monitor calls this periodically; workers demoted in between still receive requests until then.
     */
    void evaluate();

    /** All registered workers, in any state, for a monitoring view. */
    List<RegisteredWorker> workers();

    /** The worker with this id, if registered. */
    Optional<RegisteredWorker> find(String id);

    /**
     * A number that grows whenever the workers taking requests change: a worker registered, left,
     * was marked down or came back, or its availability changed by a report or by silence. What
     * workers learn their direct-call routes by ({@code GET /workers/routes}).
     */
    long routesVersion();

    /**
     * Calls {@code listener} after every change that grows {@link #routesVersion()}, on the thread
     * that made it, maybe while the registry holds a lock: it must only hand the news on.
     */
    void onRoutesChange(Runnable listener);
}
