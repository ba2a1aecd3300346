package io.jitar.core.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /jitar/insights} answers: over which window it measured, the clients' RPC traffic in
 * it, and the procedures ranked by their share of the time spent serving those calls, with their
 * callees, plus the same procedures ranked by call rate. Built from edges only, so the gateway
 * builds the same report from the edges of all its workers: a call between two workers is then on
 * the caller's remote edge (as a callee, with bytes and network time) and on the callee's edge from
 * {@code (remote procedure)} (as the procedure's own run), and counted once for each view.
 */
public record InsightReport(WindowInfo window, Traffic traffic, List<ProcedureInsight> procedures,
                            List<String> byCallRate, Advice advice, List<InsightEdge> edges, SegmentLayout layout) {

    /** {@code requested}: the window asked for ({@code all} for since start); {@code seconds}: what it covers. */
    public record WindowInfo(String requested, double seconds) {
    }

    /** The calls that came in over RPC in the window and the time spent serving them. */
    public record Traffic(long rpcCalls, double rpcCallsPerSecond, double rpcTimeMs) {
    }

    /** The report of {@code edges} over {@code span}, with the {@link SplitAdvisor}'s advice for {@code layout}. */
    public static InsightReport of(List<InsightEdge> edges, String requested, Duration span, SegmentLayout layout) {
        double seconds = Math.max(span.toNanos() / 1e9, 1e-9);
        long rpcCalls = 0;
        long rpcNanos = 0;
        Map<String, List<InsightEdge>> incoming = new LinkedHashMap<>();
        Map<String, List<InsightEdge>> outgoing = new LinkedHashMap<>();
        for (InsightEdge edge : edges) {
            incoming.computeIfAbsent(edge.callee(), k -> new ArrayList<>()).add(edge);
            outgoing.computeIfAbsent(edge.caller(), k -> new ArrayList<>()).add(edge);
            if (edge.fromRpc()) {
                rpcCalls += edge.calls();
                rpcNanos += edge.nanos();
            }
        }
        List<ProcedureInsight> procedures = new ArrayList<>();
        for (var entry : incoming.entrySet()) {
            if (entry.getKey().startsWith("(")) {
                continue;
            }
            procedures.add(procedure(entry.getKey(), entry.getValue(), outgoing.getOrDefault(entry.getKey(), List.of()),
                    seconds, rpcNanos));
        }
        procedures.sort(Comparator.comparingDouble(ProcedureInsight::totalMs).reversed()
                .thenComparing(ProcedureInsight::procedure));
        List<String> byCallRate = procedures.stream()
                .sorted(Comparator.comparingLong(ProcedureInsight::calls).reversed().thenComparing(ProcedureInsight::procedure))
                .map(ProcedureInsight::procedure).toList();
        InsightReport report = new InsightReport(new WindowInfo(requested, round(seconds)),
                new Traffic(rpcCalls, round(rpcCalls / seconds), round(rpcNanos / 1e6)), List.copyOf(procedures), byCallRate,
                null, List.copyOf(edges), layout);
        return new InsightReport(report.window, report.traffic, report.procedures, byCallRate,
                SplitAdvisor.advise(report, layout), report.edges, layout);
    }

    private static ProcedureInsight procedure(String name, List<InsightEdge> in, List<InsightEdge> out, double seconds,
                                              long rpcNanos) {
        long calls = 0;
        long rpcCalls = 0;
        long nanos = 0;
        long clientErrors = 0;
        long serverErrors = 0;
        // Where the procedure ran in a process that was asked, its own figures count; the callers'
        // remote edges (network included) only for a procedure no process asked ran.
        boolean runsHere = in.stream().anyMatch(edge -> !edge.remote());
        for (InsightEdge edge : in) {
            if (edge.remote() == runsHere) {
                continue;
            }
            calls += edge.calls();
            nanos += edge.nanos();
            clientErrors += edge.clientErrors();
            serverErrors += edge.serverErrors();
            rpcCalls += edge.fromRpc() ? edge.calls() : 0;
        }
        List<ProcedureInsight.CalleeInsight> callees = out.stream()
                .sorted(Comparator.comparingLong(InsightEdge::nanos).reversed().thenComparing(InsightEdge::callee))
                .map(edge -> new ProcedureInsight.CalleeInsight(edge.callee(), edge.remote(), edge.calls(),
                        round(edge.calls() / seconds), round(edge.nanos() / 1e6 / edge.calls()),
                        edge.clientErrors() + edge.serverErrors(), edge.bytesSent(), edge.bytesReceived(), edge.viaGateway()))
                .toList();
        return new ProcedureInsight(name, runsHere, calls, rpcCalls, round(calls / seconds), round(nanos / 1e6 / calls),
                round(nanos / 1e6), rpcNanos == 0 ? 0 : round((double) nanos / rpcNanos), clientErrors, serverErrors, callees);
    }

    /** Three significant decimals are plenty, and keep the JSON readable. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
