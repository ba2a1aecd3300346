package io.jitar.gateway.cluster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * The balancer of every offered procedure, updated one procedure at a time: a change of one worker
 * replaces the balancers of that worker's procedures and no others.
 *
 * <p>Readers ({@link #get}) take no lock: the balancers live in a {@link ConcurrentHashMap} whose
 * entries are replaced in place, never removed and put back, so a procedure that stays offered is
 * always found. An entry is removed only when the last worker offering the procedure leaves.
 * Every offered procedure has an entry, also without available workers: that tells a known
 * procedure (503) from an unknown one (404).
 *
 * <p>Writers (the other methods) must hold the registry's lock: the offer counts and the
 * {@link SharedWorkerLists} are plain maps, and each update reads a balancer before replacing it.
 *
 * <p>Cost of a change: one map update per procedure of the worker, plus, per distinct worker list
 * among those procedures, one new list (time in its workers). Procedures that share a list before
 * the change share the new one after it, without building or hashing it again.
 */
final class ProcedureBalancers {

    private final Map<String, ProcedureBalancer> balancers = new ConcurrentHashMap<>();
    /** How many registered workers offer each procedure, available or not. */
    private final Map<String, Integer> offers = new HashMap<>();
    private final SharedWorkerLists lists = new SharedWorkerLists();

    /** The balancer of a procedure, or {@code null} if no registered worker offers it. Lock-free. */
    ProcedureBalancer get(String procedureName) {
        return balancers.get(procedureName);
    }

    /**
     * A new worker offers its procedures; if {@code available}, it also joins their balancers.
     *
     * @param order the registration order of every worker in the balancers and of {@code worker}
     */
    void join(RegisteredWorker worker, boolean available, ToLongFunction<RegisteredWorker> order) {
        for (String procedureName : worker.procedureNames()) {
            offers.merge(procedureName, 1, Integer::sum);
        }
        if (available) {
            update(worker.procedureNames(), worker, true, order);
        } else {
            for (String procedureName : worker.procedureNames()) {
                balancers.computeIfAbsent(procedureName, name -> new ProcedureBalancer(name, List.of()));
            }
        }
    }

    /**
     * A worker no longer offers its procedures; procedures nobody else offers become unknown.
     *
     * @param published the instance of it in the balancers, or {@code null} if it is not available
     */
    void leave(RegisteredWorker worker, RegisteredWorker published) {
        if (published != null) {
            update(worker.procedureNames(), published, false, null);
        }
        for (String procedureName : worker.procedureNames()) {
            if (offers.computeIfPresent(procedureName, (name, count) -> count == 1 ? null : count - 1) == null) {
                lists.release(balancers.remove(procedureName).workers(), 1);
            }
        }
    }

    /** An offering worker became available: it joins its procedures' balancers in registration order. */
    void makeAvailable(RegisteredWorker worker, ToLongFunction<RegisteredWorker> order) {
        update(worker.procedureNames(), worker, true, order);
    }

    /** An offering worker is no longer available: {@code published}, its instance in the balancers, leaves them. */
    void makeUnavailable(RegisteredWorker published) {
        update(published.procedureNames(), published, false, null);
    }

    /** How many distinct worker lists the balancers use, for tests. */
    int sharedLists() {
        return lists.size();
    }

    /**
     * Replaces the balancer of each of {@code procedureNames} by one with {@code worker} added or
     * removed, keeping its rotation counter. Balancers that shared a list share the result: the
     * change of a list is computed once, by list identity, and its users are counted once.
     */
    private void update(Set<String> procedureNames, RegisteredWorker worker, boolean joins,
                        ToLongFunction<RegisteredWorker> order) {
        Map<List<RegisteredWorker>, Change> changes = new IdentityHashMap<>();
        for (String procedureName : procedureNames) {
            ProcedureBalancer before = balancers.get(procedureName);
            List<RegisteredWorker> workers = before == null ? List.of() : before.workers();
            Change change = changes.get(workers);
            if (change == null) {
                change = new Change(lists.acquire(joins ? inserted(workers, worker, order) : without(workers, worker)));
                changes.put(workers, change);
            }
            change.balancers++;
            List<RegisteredWorker> after = change.after;
            balancers.put(procedureName, before == null ? new ProcedureBalancer(procedureName, after)
                    : joins ? before.withJoined(worker, after) : before.withLeft(after));
        }
        changes.forEach((workers, change) -> {
            // Retained before released: a list that stays (a change to itself) is never forgotten in between.
            lists.retain(change.after, change.balancers - 1);
            lists.release(workers, change.balancers);
        });
    }

    /** The list that replaces one shared list, and by how many balancers; {@code acquire} counted the first. */
    private static final class Change {

        final List<RegisteredWorker> after;
        int balancers;

        Change(List<RegisteredWorker> after) {
            this.after = after;
        }
    }

    /** {@code workers} with {@code worker} at its place in registration order. */
    private static List<RegisteredWorker> inserted(List<RegisteredWorker> workers, RegisteredWorker worker,
                                                   ToLongFunction<RegisteredWorker> order) {
        RegisteredWorker[] next = new RegisteredWorker[workers.size() + 1];
        long position = order.applyAsLong(worker);
        int at = workers.size();
        // A new registration is the last: check that first, so the usual case asks no other worker's order.
        while (at > 0 && order.applyAsLong(workers.get(at - 1)) > position) {
            at--;
        }
        for (int i = 0; i < at; i++) {
            next[i] = workers.get(i);
        }
        next[at] = worker;
        for (int i = at; i < workers.size(); i++) {
            next[i + 1] = workers.get(i);
        }
        return List.of(next);
    }

    /** {@code workers} without {@code worker}, compared by identity. */
    private static List<RegisteredWorker> without(List<RegisteredWorker> workers, RegisteredWorker worker) {
        RegisteredWorker[] next = new RegisteredWorker[workers.size()];
        int size = 0;
        for (RegisteredWorker other : workers) {
            if (other != worker) {
                next[size++] = other;
            }
        }
        return List.of(Arrays.copyOf(next, size));
    }
}
