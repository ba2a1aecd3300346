package io.jitar.gateway.cluster;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable worker lists of the balancers, one per distinct sequence of workers: procedures
 * with the same available workers share one list. Identical replicas of an application then cost
 * one list, not one per procedure, so the memory a pick touches does not grow with workers x
 * procedures (see benchmarks/jmh).
 *
 * <p>Lists are counted by the balancers that use them and forgotten when none does, so the table
 * never needs a full sweep: its size follows the distinct lists in use, and a change costs time in
 * the workers of the lists it touches only.
 *
 * <p>Workers are compared by identity: {@link RegisteredWorker#equals} would compare whole
 * procedure sets, far too slow for a key, and the registry puts exactly one instance of a worker
 * in the lists at a time. The empty list is {@link List#of()}, never counted.
 *
 * <p>Not thread-safe: the registry uses it under its writers' lock. The lists it hands out are
 * immutable and safe to read from any thread.
 */
final class SharedWorkerLists {

    private final Map<SameWorkers, List<RegisteredWorker>> byWorkers = new HashMap<>();
    /** By list identity, so releasing a list does not hash its workers again. */
    private final Map<List<RegisteredWorker>, Usage> usages = new IdentityHashMap<>();

    /**
     * The shared list of {@code workers}, in that order, used by one more balancer. Costs time in
     * the size of {@code workers}: callers reuse the result for every procedure that makes the same
     * change, counted in one go with {@link #retain}.
     */
    List<RegisteredWorker> acquire(List<RegisteredWorker> workers) {
        if (workers.isEmpty()) {
            return List.of();
        }
        List<RegisteredWorker> shared = byWorkers.get(new SameWorkers(workers));
        if (shared == null) {
            shared = List.copyOf(workers);
            SameWorkers key = new SameWorkers(shared);
            byWorkers.put(key, shared);
            usages.put(shared, new Usage(key));
        }
        usages.get(shared).users++;
        return shared;
    }

    /** {@code count} more balancers use {@code shared}, a list from {@link #acquire}; constant time. */
    void retain(List<RegisteredWorker> shared, int count) {
        if (!shared.isEmpty()) {
            usage(shared).users += count;
        }
    }

    /** {@code count} balancers fewer use {@code shared}; the last one lets it go. Constant time. */
    void release(List<RegisteredWorker> shared, int count) {
        if (shared.isEmpty()) {
            return;
        }
        Usage usage = usage(shared);
        usage.users -= count;
        if (usage.users <= 0) {
            usages.remove(shared);
            byWorkers.remove(usage.key);
        }
    }

    /** How many distinct non-empty lists are in use. */
    int size() {
        return usages.size();
    }

    /** How many balancers use {@code shared}; 0 for a list this table does not hold. */
    int users(List<RegisteredWorker> shared) {
        Usage usage = usages.get(shared);
        return usage == null ? 0 : usage.users;
    }

    private Usage usage(List<RegisteredWorker> shared) {
        Usage usage = usages.get(shared);
        if (usage == null) {
            // A bug in the caller: the counts would no longer tell when a list may go.
            throw new IllegalStateException("Not a shared worker list: " + shared);
        }
        return usage;
    }

    /** A shared list's key and its number of users. */
    private static final class Usage {

        final SameWorkers key;
        int users;

        Usage(SameWorkers key) {
            this.key = key;
        }
    }

    /** Workers in order, compared by identity; the hash is computed once. */
    private static final class SameWorkers {

        private final List<RegisteredWorker> workers;
        private final int hash;

        SameWorkers(List<RegisteredWorker> workers) {
            this.workers = workers;
            int hash = 1;
            for (RegisteredWorker worker : workers) {
                hash = 31 * hash + System.identityHashCode(worker);
            }
            this.hash = hash;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof SameWorkers same) || same.hash != hash || same.workers.size() != workers.size()) {
                return false;
            }
            for (int i = 0; i < workers.size(); i++) {
                if (workers.get(i) != same.workers.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
