package io.jitar.core.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The call graph's counts at one moment ({@code nanoTime}, of {@link System#nanoTime()}). */
public record GraphSnapshot(long nanoTime, List<EdgeTotals> edges) {

    public GraphSnapshot {
        edges = List.copyOf(edges);
    }

    /** What was counted between {@code earlier} and this snapshot; edges without a call in it are left out. */
    public List<EdgeTotals> since(GraphSnapshot earlier) {
        Map<Long, EdgeTotals> before = new HashMap<>();
        if (earlier != null) {
            earlier.edges.forEach(edge -> before.put(edge.key(), edge));
        }
        return edges.stream().map(edge -> edge.since(before.get(edge.key()))).filter(edge -> edge.calls() > 0).toList();
    }
}
