package io.jitar.core.insight;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One edge of the call graph over a window, by procedure names: what a worker publishes and what
 * the gateway adds up over its workers. {@code caller} is {@code "(rpc)"} for calls of clients,
 * {@code "(remote procedure)"} for RPC calls made by a procedure in another process (which counts
 * them too, as a remote edge) and {@code "(no procedure)"} for calls made outside any procedure;
 * {@code remote} when the callee ran in another process (the figures are then the caller's view,
 * network included).
 */
public record InsightEdge(String caller, String callee, boolean remote, long calls, long nanos, long clientErrors,
                          long serverErrors, long bytesSent, long bytesReceived, long viaGateway) {

    public static final String RPC = "(rpc)";
    public static final String NO_PROCEDURE = "(no procedure)";
    public static final String REMOTE_CALLER = "(remote procedure)";

    /** The window's edges of {@code graph}, by name. */
    public static List<InsightEdge> of(CallGraph graph, List<EdgeTotals> totals) {
        return totals.stream().map(edge -> new InsightEdge(graph.name(edge.caller()), graph.name(edge.callee()),
                !graph.isLocal(edge.callee()), edge.calls(), edge.nanos(), edge.clientErrors(), edge.serverErrors(),
                edge.bytesSent(), edge.bytesReceived(), edge.viaGateway())).toList();
    }

    public boolean fromRpc() {
        return RPC.equals(caller);
    }

    /** A caller that is no procedure: (rpc), (remote procedure), (no procedure). */
    public boolean fromPseudoCaller() {
        return caller.startsWith("(");
    }

    /** The same edges seen by several processes, added up: one per caller, callee and view (remote or not). */
    public static List<InsightEdge> merge(Collection<InsightEdge> edges) {
        Map<String, InsightEdge> merged = new LinkedHashMap<>();
        for (InsightEdge edge : edges) {
            merged.merge(edge.caller + "\n" + edge.callee + "\n" + edge.remote, edge, InsightEdge::plus);
        }
        return List.copyOf(merged.values());
    }

    /** This edge and {@code other} (the same caller and callee, seen by another worker) together. */
    public InsightEdge plus(InsightEdge other) {
        return new InsightEdge(caller, callee, remote && other.remote, calls + other.calls, nanos + other.nanos,
                clientErrors + other.clientErrors, serverErrors + other.serverErrors, bytesSent + other.bytesSent,
                bytesReceived + other.bytesReceived, viaGateway + other.viaGateway);
    }
}
