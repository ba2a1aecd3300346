package io.jitar.core.insight;

import java.util.List;

/**
 * One procedure over a window: how often it ran and how long (inclusive of what it called), its
 * share of the time spent serving RPC calls, and what it called. {@code runsHere} is false for a
 * procedure of another segment: its figures are then as seen by its callers, network included.
 */
public record ProcedureInsight(String procedure, boolean runsHere, long calls, long rpcCalls, double callsPerSecond,
                               double meanMs, double totalMs, double shareOfTime, long clientErrors, long serverErrors,
                               List<CalleeInsight> callees) {

    /** One procedure called by another over the window. */
    public record CalleeInsight(String procedure, boolean remote, long calls, double callsPerSecond, double meanMs,
                                long failures, long bytesSent, long bytesReceived, long viaGateway) {
    }
}
