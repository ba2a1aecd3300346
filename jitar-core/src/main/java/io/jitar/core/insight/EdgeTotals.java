package io.jitar.core.insight;

/**
 * The counts of one edge at one moment, or (as a difference of two moments) over a window.
 * {@code caller} is {@link CallGraph#OUTSIDE} for calls that came in over RPC.
 */
public record EdgeTotals(int caller, int callee, long calls, long nanos, long clientErrors, long serverErrors,
                         long bytesSent, long bytesReceived, long viaGateway) {

    /** What happened between {@code earlier} and this moment; {@code earlier} may be {@code null} (nothing yet). */
    public EdgeTotals since(EdgeTotals earlier) {
        if (earlier == null) {
            return this;
        }
        return new EdgeTotals(caller, callee, calls - earlier.calls, nanos - earlier.nanos,
                clientErrors - earlier.clientErrors, serverErrors - earlier.serverErrors,
                bytesSent - earlier.bytesSent, bytesReceived - earlier.bytesReceived, viaGateway - earlier.viaGateway);
    }

    long key() {
        return CallGraph.key(caller, callee);
    }
}
