package io.jitar.core.insight;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one edge of the call graph counted since start: calls, their total time, failures by kind,
 * and for a remote call the bytes sent and received and how many went through the gateway.
 * {@link LongAdder}s: many request threads record the same hot edge at once.
 */
public final class CallCounters {

    private final LongAdder calls = new LongAdder();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder viaGateway = new LongAdder();

    /** One finished call; {@code status} is 200 for a success, else the status it failed with. */
    public void record(long elapsedNanos, int status) {
        calls.increment();
        nanos.add(elapsedNanos);
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
    }

    /** The size of one remote call's request and answer bodies. */
    public void transferred(long sent, long received) {
        bytesSent.add(sent);
        bytesReceived.add(received);
    }

    /** One remote call that went through the gateway rather than directly to a callee worker. */
    public void wentViaGateway() {
        viaGateway.increment();
    }

    /** The counts now, in the order of {@link EdgeTotals}. */
    EdgeTotals totals(int caller, int callee) {
        return new EdgeTotals(caller, callee, calls.sum(), nanos.sum(), clientErrors.sum(), serverErrors.sum(),
                bytesSent.sum(), bytesReceived.sum(), viaGateway.sum());
    }
}
