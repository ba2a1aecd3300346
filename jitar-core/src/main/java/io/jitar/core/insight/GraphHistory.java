package io.jitar.core.insight;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Snapshots of a call graph every {@link #INTERVAL}, kept for {@link #RETENTION}, so that counts
 * can be given over a recent window instead of since start. Memory: about 90 bytes per edge per
 * snapshot, so 100 edges cost ~2 MB for the hour kept.
 */
public final class GraphHistory {

    public static final Duration INTERVAL = Duration.ofSeconds(15);
    public static final Duration RETENTION = Duration.ofHours(1);

    private final CallGraph graph;
    private final long startNanos;
    private final Deque<GraphSnapshot> snapshots = new ArrayDeque<>();

    public GraphHistory(CallGraph graph, long startNanos) {
        this.graph = graph;
        this.startNanos = startNanos;
    }

    /** Called every {@link #INTERVAL}: keeps the graph's counts now, forgets those older than the retention. */
    public synchronized void record(long nanoTime) {
        snapshots.addLast(graph.snapshot(nanoTime));
        while (snapshots.size() > RETENTION.dividedBy(INTERVAL) + 1) {
            snapshots.removeFirst();
        }
    }

    /**
     * The calls of the last {@code window}, from the newest snapshot at least that old; since start
     * when {@code window} is {@code null} or no snapshot is that old yet. The answer says which span
     * it covers (up to one interval longer than asked).
     */
    public synchronized Window window(Duration window, long nanoTime) {
        GraphSnapshot now = graph.snapshot(nanoTime);
        GraphSnapshot from = null;
        if (window != null) {
            long cutoff = nanoTime - window.toNanos();
            for (GraphSnapshot snapshot : snapshots) {
                if (snapshot.nanoTime() > cutoff) {
                    break;
                }
                from = snapshot;
            }
        }
        long fromNanos = from == null ? startNanos : from.nanoTime();
        return new Window(Duration.ofNanos(nanoTime - fromNanos), now.since(from));
    }

    /** The calls counted over {@code span}. */
    public record Window(Duration span, List<EdgeTotals> edges) {
    }
}
