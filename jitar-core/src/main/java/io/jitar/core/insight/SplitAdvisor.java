package io.jitar.core.insight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes which procedures to move into a segment of their own, the seed's step 1 done by the
 * runtime: an entry procedure (called over RPC) that takes at least {@link #HOT_SHARE} of the time
 * serving RPC calls is hot; it moves with every callee of its segment that only the moving
 * procedures call (so chatty private helpers stay with it), and the split is costed from the measured edges that would cross
 * the new segment's border. Nothing is proposed below {@link #MIN_RPC_CALLS} calls in the window,
 * nor for a procedure whose segment holds nothing else already.
 */
public final class SplitAdvisor {

    public static final long MIN_RPC_CALLS = 100;
    public static final double HOT_SHARE = 0.25;
    static final int MAX_PROPOSALS = 3;
    /**
     * The latency one direct remote call adds, on one connection, when no remote call was measured
     * live: benchmarks/split-cost.sh, K = 1 (one remote call per entry call, the shape of a call a
     * split creates), 2026-12-07 15:40, after the worker's /rpc became a servlet (README, "The cost
     * of a split"). Was 0.37 ms (K = 10, JAX-RS /rpc); benchmarks/insights-loop.sh then measured
     * 0.210 ms added per call (+76% against the old figure).
     */
    public static final double BENCHMARK_REMOTE_CALL_MS = 0.19;

    private SplitAdvisor() {
    }

    public static Advice advise(InsightReport report, SegmentLayout layout) {
        if (report.traffic().rpcCalls() < MIN_RPC_CALLS) {
            return new Advice(false, List.of(String.format(Locale.ROOT, "Not enough traffic to advise: %d RPC calls in %.0f s;"
                    + " at least %d are needed", report.traffic().rpcCalls(), report.window().seconds(), MIN_RPC_CALLS)), List.of());
        }
        Map<String, ProcedureInsight> byName = new HashMap<>();
        report.procedures().forEach(p -> byName.put(p.procedure(), p));
        Map<String, Set<String>> callers = callers(report.edges());
        double remoteCallMs = remoteCallMs(report, byName);
        String basis = remoteCallMs < 0 ? "benchmark" : "live";
        double callCost = remoteCallMs < 0 ? BENCHMARK_REMOTE_CALL_MS : remoteCallMs;
        List<String> words = new ArrayList<>();
        List<SplitProposal> proposals = new ArrayList<>();
        for (ProcedureInsight hot : report.procedures()) {
            if (hot.rpcCalls() == 0 || hot.shareOfTime() < HOT_SHARE || proposals.size() == MAX_PROPOSALS) {
                continue;
            }
            List<SegmentLayout.Segment> current = layout.segmentsOf(hot.procedure());
            if (current.isEmpty()) {
                continue;
            }
            Set<String> neighbours = new java.util.HashSet<>();
            current.forEach(segment -> segment.procedures().forEach(m -> neighbours.add(m.procedure())));
            Set<String> group = group(hot.procedure(), byName, callers, neighbours);
            if (current.size() == 1 && current.get(0).procedures().stream().allMatch(m -> group.contains(m.procedure()))) {
                words.add(String.format(Locale.ROOT, "%s: %.0f%% of time at %.1f calls/s; already alone in segment %s:"
                        + " give that segment its own workers", hot.procedure(), hot.shareOfTime() * 100, hot.callsPerSecond(),
                        current.get(0).name()));
                continue;
            }
            SplitProposal proposal = propose(hot, group, report, layout, callCost, basis);
            proposals.add(proposal);
            words.add(proposal.advice());
        }
        if (words.isEmpty()) {
            words.add(String.format(Locale.ROOT, "No procedure takes %.0f%% of the time serving RPC calls: nothing to split",
                    HOT_SHARE * 100));
        }
        return new Advice(true, List.copyOf(words), List.copyOf(proposals));
    }

    /**
     * The hot procedure and, transitively, every callee of its own segment whose callers all move
     * with it and that no client calls. A callee of another segment stays where the segment files
     * put it: it may be there for a reason (the showcase's protected vault).
     */
    static Set<String> group(String hot, Map<String, ProcedureInsight> byName, Map<String, Set<String>> callers,
                             Set<String> neighbours) {
        Set<String> group = new LinkedHashSet<>(List.of(hot));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String member : List.copyOf(group)) {
                ProcedureInsight insight = byName.get(member);
                for (ProcedureInsight.CalleeInsight callee : insight == null ? List.<ProcedureInsight.CalleeInsight>of() : insight.callees()) {
                    ProcedureInsight target = byName.get(callee.procedure());
                    boolean exclusive = target != null && target.rpcCalls() == 0 && neighbours.contains(callee.procedure())
                            && group.containsAll(callers.getOrDefault(callee.procedure(), Set.of()));
                    if (exclusive && group.add(callee.procedure())) {
                        grew = true;
                    }
                }
            }
        }
        return group;
    }

    private static SplitProposal propose(ProcedureInsight hot, Set<String> group, InsightReport report, SegmentLayout layout,
                                         double callCost, String basis) {
        double seconds = report.window().seconds();
        long crossCalls = 0;
        long outwardCalls = 0;
        long bytes = 0;
        long unmeasured = 0;
        for (InsightEdge edge : report.edges()) {
            boolean fromGroup = group.contains(edge.caller());
            boolean toGroup = group.contains(edge.callee());
            if (edge.fromPseudoCaller() || fromGroup == toGroup) {
                continue;
            }
            crossCalls += edge.calls();
            outwardCalls += fromGroup ? edge.calls() : 0;
            if (edge.remote()) {
                bytes += edge.bytesSent() + edge.bytesReceived();
            } else {
                unmeasured += edge.calls();
            }
        }
        String segment = hot.procedure().replace('/', '-');
        double perEntry = hot.rpcCalls() == 0 ? 0 : (double) outwardCalls / hot.rpcCalls();
        double added = perEntry * callCost;
        String advice = String.format(Locale.ROOT, "%s: %.0f%% of time at %.1f calls/s; split%s into segment %s with its own"
                        + " workers; predicted cost: %d cross-segment calls (%.1f/s, %.2f per entry call, +%.2f ms per entry call)",
                hot.procedure(), hot.shareOfTime() * 100, hot.callsPerSecond(),
                group.size() > 1 ? " with " + String.join(", ", group.stream().skip(1).toList()) : "", segment,
                crossCalls, crossCalls / seconds, perEntry, added);
        return new SplitProposal(segment, hot.procedure(), List.copyOf(group), hot.shareOfTime(), round(hot.rpcCalls() / seconds),
                round(crossCalls / seconds), round(perEntry), round(bytes / seconds), round(unmeasured / seconds), round(callCost),
                round(added), basis, files(segment, group, layout), advice);
    }

    /** The new segment's file and every current file that loses a procedure (an emptied one is left out). */
    private static Map<String, Map<String, Map<String, Map<String, Object>>>> files(String segment, Set<String> group,
                                                                                   SegmentLayout layout) {
        Map<String, Map<String, Map<String, Map<String, Object>>>> files = new java.util.LinkedHashMap<>();
        List<SegmentLayout.Member> moved = new ArrayList<>();
        for (SegmentLayout.Segment current : layout.segments()) {
            List<SegmentLayout.Member> kept = new ArrayList<>();
            for (SegmentLayout.Member member : current.procedures()) {
                if (!group.contains(member.procedure())) {
                    kept.add(member);
                } else if (moved.stream().noneMatch(m -> m.interfaceName().equals(member.interfaceName())
                        && m.method().equals(member.method()))) {
                    moved.add(member);
                }
            }
            if (kept.size() < current.procedures().size() && !kept.isEmpty()) {
                files.put(current.name() + ".json", SegmentLayout.file(kept));
            }
        }
        files.put(segment + ".json", SegmentLayout.file(moved));
        return files;
    }

    /** Every procedure's callers (procedures only). */
    private static Map<String, Set<String>> callers(List<InsightEdge> edges) {
        Map<String, Set<String>> callers = new HashMap<>();
        for (InsightEdge edge : edges) {
            if (!edge.fromPseudoCaller()) {
                callers.computeIfAbsent(edge.callee(), k -> new LinkedHashSet<>()).add(edge.caller());
            }
        }
        return callers;
    }

    /**
     * What one remote call measured in the window adds beyond the callee's own run: the callers'
     * mean time minus the callee's, over every remote edge whose callee's own run was measured too
     * (the gateway's view of a cluster); -1 when there is none.
     */
    private static double remoteCallMs(InsightReport report, Map<String, ProcedureInsight> byName) {
        double added = 0;
        long calls = 0;
        for (InsightEdge edge : report.edges()) {
            ProcedureInsight callee = byName.get(edge.callee());
            if (edge.remote() && !edge.fromPseudoCaller() && callee != null && callee.runsHere() && edge.calls() > 0) {
                added += Math.max(0, edge.nanos() / 1e6 - callee.meanMs() * edge.calls());
                calls += edge.calls();
            }
        }
        return calls == 0 ? -1 : added / calls;
    }

    private static double round(double value) {
        return InsightReport.round(value);
    }
}
