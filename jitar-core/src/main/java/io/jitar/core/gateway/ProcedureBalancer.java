package io.jitar.core.gateway;

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
        this.procedureName = Objects.requireNonNull(procedureName, "procedureName");
        this.workers = List.copyOf(workers);
        this.idempotent = !this.workers.isEmpty()
                && this.workers.stream().allMatch(worker -> worker.isIdempotent(procedureName));
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    /** The next snapshot of the same procedure: other workers, same rotation counter. */
    ProcedureBalancer withWorkers(List<RegisteredWorker> nextWorkers) {
        return new ProcedureBalancer(procedureName, nextWorkers, counter);
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
