package io.jitar.core.insight;

import io.jitar.core.metrics.RemoteCallMeter;
import io.jitar.core.metrics.RemoteCallMeters;
import io.jitar.core.procedure.Invoker;
import io.jitar.core.protocol.ErrorMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every call from one procedure to another, in-process or remote, counted per edge. The nodes are
 * the procedures of the segment files, numbered once at start, so the graph is bounded by the
 * application (never by names from requests: a call of an unknown procedure is not recorded) and
 * recording a call is two array reads, two clock reads and a few {@code LongAdder}s: no map, no
 * allocation. The procedure running on a thread is kept in a thread-local frame, so a call knows
 * its caller without being told.
 */
public final class CallGraph {

    /** The caller of calls that came in over RPC (a client, the gateway, another worker). */
    public static final int OUTSIDE = -1;
    /** The caller of calls made on a thread that runs no procedure (an asynchronous continuation, a timer). */
    public static final int UNKNOWN = -2;
    /**
     * The caller of RPC calls made by a procedure in another process (they carry
     * {@code X-Jitar-Caller}): the caller's process counts them on its own edge, network included,
     * so they are kept apart from the calls of clients.
     */
    public static final int REMOTE = -3;
    private static final int FIRST = REMOTE;

    private final String[] names;
    private final boolean[] local;
    private final Map<String, Integer> ids;
    private final AtomicReferenceArray<AtomicReferenceArray<CallCounters>> edges;
    private volatile RemoteCallMeters remoteMeters = RemoteCallMeters.NONE;
    private final ThreadLocal<int[]> current = ThreadLocal.withInitial(() -> new int[] {UNKNOWN});

    private CallGraph(List<String> names, Set<String> local) {
        this.names = names.toArray(String[]::new);
        this.local = new boolean[this.names.length];
        this.ids = new HashMap<>();
        for (int id = 0; id < this.names.length; id++) {
            this.local[id] = local.contains(this.names[id]);
            ids.put(this.names[id], id);
        }
        this.edges = new AtomicReferenceArray<>(this.names.length - FIRST);
    }

    /** A graph over {@code procedures} (distinct names), of which {@code local} run in this process. */
    public static CallGraph of(List<String> procedures, Set<String> local) {
        return new CallGraph(new ArrayList<>(procedures), local);
    }

    /**
     * Where the metrics of remote edges come from, set once the metrics registry is up (before the
     * first call); each remote edge asks it once, when it is created.
     */
    public void remoteMeters(RemoteCallMeters meters) {
        this.remoteMeters = meters;
    }

    /** The id of a procedure of the segment files; at start only, the hot path keeps ids. */
    public int id(String procedure) {
        Integer id = ids.get(procedure);
        if (id == null) {
            throw new IllegalArgumentException("Procedure '" + procedure + "' is not in the call graph");
        }
        return id;
    }

    public int size() {
        return names.length;
    }

    public String name(int id) {
        return switch (id) {
            case OUTSIDE -> InsightEdge.RPC;
            case UNKNOWN -> InsightEdge.NO_PROCEDURE;
            case REMOTE -> InsightEdge.REMOTE_CALLER;
            default -> names[id];
        };
    }

    /** Whether the procedure runs in this process (else calls of it are remote). */
    public boolean isLocal(int id) {
        return local[id];
    }

    /** The procedure running on this thread, or {@link #UNKNOWN}. */
    public int current() {
        return current.get()[0];
    }

    /**
     * Marks the RPC call about to run on this thread as one from a procedure in another process
     * (or not), until {@link #restore}; returns what to restore.
     */
    public int markRpc(boolean fromRemoteProcedure) {
        int[] frame = current.get();
        int previous = frame[0];
        frame[0] = fromRemoteProcedure ? REMOTE : OUTSIDE;
        return previous;
    }

    public void restore(int previous) {
        current.get()[0] = previous;
    }

    /** The counters of calls from {@code caller} to {@code callee}, created on the first call. */
    public CallCounters edge(int caller, int callee) {
        AtomicReferenceArray<CallCounters> row = edges.get(caller - FIRST);
        if (row == null) {
            edges.compareAndSet(caller - FIRST, null, new AtomicReferenceArray<>(names.length));
            row = edges.get(caller - FIRST);
        }
        CallCounters counters = row.get(callee);
        if (counters == null) {
            // A losing racer's meter is a duplicate registration, which a metrics registry answers with the same metric.
            RemoteCallMeter meter = local[callee] ? null : remoteMeters.of(name(caller), names[callee]);
            row.compareAndSet(callee, null, new CallCounters(meter));
            counters = row.get(callee);
        }
        return counters;
    }

    /**
     * Runs a local procedure as {@code callee}, recording the call on the edge from the procedure
     * running on this thread, or when {@code entry} (an RPC call) from {@link #REMOTE} if
     * {@link #markRpc} said so, else from {@link #OUTSIDE}. A
     * {@code CompletionStage} result is timed until it completes; the stage itself is returned
     * unchanged, so the caller sees exactly what the procedure returned.
     */
    public Object invoke(int callee, boolean entry, Invoker invoker, Object[] arguments) throws Throwable {
        int[] frame = current.get();
        int caller = entry ? (frame[0] == REMOTE ? REMOTE : OUTSIDE) : frame[0];
        CallCounters counters = edge(caller, callee);
        int previous = frame[0];
        frame[0] = callee;
        long start = System.nanoTime();
        Object result;
        try {
            result = invoker.invoke(arguments);
        } catch (Throwable e) {
            counters.record(System.nanoTime() - start, ErrorMapping.statusOf(e));
            throw e;
        } finally {
            frame[0] = previous;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, error) -> counters.record(System.nanoTime() - start,
                    error == null ? 200 : ErrorMapping.statusOf(error)));
        } else {
            counters.record(System.nanoTime() - start, 200);
        }
        return result;
    }

    /** Every edge's counts now. */
    public GraphSnapshot snapshot(long nanoTime) {
        List<EdgeTotals> totals = new ArrayList<>();
        for (int row = 0; row < edges.length(); row++) {
            AtomicReferenceArray<CallCounters> callees = edges.get(row);
            for (int callee = 0; callees != null && callee < callees.length(); callee++) {
                CallCounters counters = callees.get(callee);
                if (counters != null) {
                    totals.add(counters.totals(row + FIRST, callee));
                }
            }
        }
        return new GraphSnapshot(nanoTime, totals);
    }

    static long key(int caller, int callee) {
        return ((long) caller << 32) | (callee & 0xffffffffL);
    }
}
