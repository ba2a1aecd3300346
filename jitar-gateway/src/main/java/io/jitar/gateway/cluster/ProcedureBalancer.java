package io.jitar.gateway.cluster;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round-robin picking among the available workers of one procedure.
 *
 * <p>Like gRPC's ready picker, this is an immutable snapshot: the registry holds the state and
 * publishes a new balancer whenever it changes, so picking takes no lock and allocates nothing.
 * Only the counter is shared and mutable; the registry hands it from one snapshot of a
 * procedure to the next, so a republish does not restart the rotation at the first worker.
 *
 * <p>Failover without allocation: take a start once, then try attempts {@code 0} to
 * {@code size() - 1}; each worker of the snapshot comes up exactly once:
 * <pre>{@code
 * int start = balancer.nextStart();
 * for (int attempt = 0; attempt < balancer.size(); attempt++) {
 *     RegisteredWorker worker = balancer.candidate(start, attempt);
 *     ...
 * }
 * }</pre>
 * {@link #attemptOrder()} gives the same sequence as a list, for callers that prefer a for-each.
 *
 * <p>Thread-safe.
 */
public final class ProcedureBalancer {

    private final String procedureName;
    private final List<RegisteredWorker> workers;
    private final boolean idempotent;
    private final AtomicInteger counter;

    /** A balancer for {@code workers}, in that order, starting the rotation at the first. */
    public ProcedureBalancer(String procedureName, List<RegisteredWorker> workers) {
        this(procedureName, workers, new AtomicInteger());
    }

    /** Shares {@code counter} with an earlier snapshot of the same procedure (and lets tests set it). */
    ProcedureBalancer(String procedureName, List<RegisteredWorker> workers, AtomicInteger counter) {
        this(Objects.requireNonNull(procedureName, "procedureName"), List.copyOf(workers), counter,
                allIdempotent(procedureName, workers));
    }

    /** {@code workers} immutable, {@code idempotent} already known. */
    private ProcedureBalancer(String procedureName, List<RegisteredWorker> workers, AtomicInteger counter,
                              boolean idempotent) {
        this.procedureName = Objects.requireNonNull(procedureName, "procedureName");
        // The callers' List.copyOf returns an immutable list as it is: the registry's shared lists stay shared.
        this.workers = workers;
        this.idempotent = idempotent;
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    /** The next snapshot of the same procedure: other workers, same rotation counter. */
    ProcedureBalancer withWorkers(List<RegisteredWorker> nextWorkers) {
        return new ProcedureBalancer(procedureName, nextWorkers, counter);
    }

    /**
     * The next snapshot after {@code joined} became available: {@code nextWorkers} are this
     * snapshot's workers plus {@code joined}. Constant time besides the copy of a mutable list: the
     * idempotence follows from this snapshot's without asking every worker again, which would cost
     * workers x procedures when a worker offering many procedures joins many replicas.
     */
    ProcedureBalancer withJoined(RegisteredWorker joined, List<RegisteredWorker> nextWorkers) {
        boolean nextIdempotent = (workers.isEmpty() || idempotent) && joined.isIdempotent(procedureName);
        return new ProcedureBalancer(procedureName, List.copyOf(nextWorkers), counter, nextIdempotent);
    }

    /**
     * The next snapshot after a worker left: {@code nextWorkers} are this snapshot's workers but
     * one. If all were idempotent, the rest are; otherwise the flag is computed again, which stops
     * at the first worker that is not idempotent.
     */
    ProcedureBalancer withLeft(List<RegisteredWorker> nextWorkers) {
        List<RegisteredWorker> next = List.copyOf(nextWorkers);
        boolean nextIdempotent = idempotent ? !next.isEmpty() : allIdempotent(procedureName, next);
        return new ProcedureBalancer(procedureName, next, counter, nextIdempotent);
    }

    private static boolean allIdempotent(String procedureName, List<RegisteredWorker> workers) {
        // A loop, not a stream: the registry calls this for each procedure of a leaving worker.
        for (RegisteredWorker worker : workers) {
            if (!worker.isIdempotent(procedureName)) {
                return false;
            }
        }
        return !workers.isEmpty();
    }

    public String procedureName() {
        return procedureName;
    }

    /** The available workers of this snapshot, unmodifiable, in rotation order. */
    public List<RegisteredWorker> workers() {
        return workers;
    }

    public int size() {
        return workers.size();
    }

    public boolean isEmpty() {
        return workers.isEmpty();
    }

    /**
     * Whether a request that failed after it was sent may be retried on the next candidate: only
     * when every worker of this snapshot declares the procedure idempotent. Workers of one
     * application agree; during a rolling update they may not, and then the cautious answer
     * wins, since a retry may run the procedure twice. {@code false} when empty. Computed once.
     */
    public boolean isIdempotent() {
        return idempotent;
    }

    /** The next worker in rotation, or empty if none is available. */
    public Optional<RegisteredWorker> pick() {
        if (workers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidate(nextStart(), 0));
    }

    /**
     * Advances the rotation and returns where this caller's attempts begin; never negative, also
     * after the counter overflows. Call it once per request.
     */
    public int nextStart() {
        // Masking the sign bit keeps the index valid when the counter wraps to negative values.
        return counter.getAndIncrement() & Integer.MAX_VALUE;
    }

    /**
     * The worker for {@code attempt} of a request that began at {@code start}: attempt 0 is the
     * round-robin pick, later attempts are the following workers, each at most once.
     *
     * @param start   a value from {@link #nextStart()}, not negative
     * @param attempt from {@code 0} to {@code size() - 1}
     * @throws IllegalArgumentException if {@code start} is negative
     * @throws IndexOutOfBoundsException if {@code attempt} is out of range (also when empty)
     */
    public RegisteredWorker candidate(int start, int attempt) {
        if (start < 0) {
            throw new IllegalArgumentException("start must be >= 0, got " + start);
        }
        int size = workers.size();
        Objects.checkIndex(attempt, size);
        // start % size + attempt < 2 * size, so the sum cannot overflow.
        return workers.get((start % size + attempt) % size);
    }

    /**
     * Advances the rotation once and returns all workers in attempt order: a view of this
     * snapshot (one small allocation, no copy). Empty if none is available.
     */
    public List<RegisteredWorker> attemptOrder() {
        if (workers.isEmpty()) {
            return List.of();
        }
        int start = nextStart();
        return new AbstractList<>() {
            @Override
            public RegisteredWorker get(int attempt) {
                return candidate(start, attempt);
            }

            @Override
            public int size() {
                return workers.size();
            }
        };
    }

    /** The rotation counter, for handing over to the next snapshot and for tests. */
    AtomicInteger counter() {
        return counter;
    }

    @Override
    public String toString() {
        return "ProcedureBalancer[procedureName=" + procedureName + ", workers=" + workers.size() + "]";
    }
}
