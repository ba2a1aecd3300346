package io.jitar.core.insight;

import io.jitar.core.metrics.RemoteCallMeter;
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
    private final RemoteCallMeter meter;

    public CallCounters() {
        this(null);
    }

    /** @param meter the metrics of a remote edge, or {@code null} */
    public CallCounters(RemoteCallMeter meter) {
        this.meter = meter;
    }

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

    /**
     * One finished remote call: its outcome as in {@link #record}, its request and answer body sizes
     * (0 when no answer came), and whether it went through the gateway rather than directly to a
     * callee worker. Also recorded in the edge's metrics, when there are any.
     */
    public void recordRemote(long elapsedNanos, int status, long sent, long received, boolean throughGateway) {
        record(elapsedNanos, status);
        bytesSent.add(sent);
        bytesReceived.add(received);
        if (throughGateway) {
            viaGateway.increment();
        }
        if (meter != null) {
            meter.record(elapsedNanos, status, sent, received, throughGateway);
        }
    }

    /** The counts now, in the order of {@link EdgeTotals}. */
    EdgeTotals totals(int caller, int callee) {
        return new EdgeTotals(caller, callee, calls.sum(), nanos.sum(), clientErrors.sum(), serverErrors.sum(),
                bytesSent.sum(), bytesReceived.sum(), viaGateway.sum());
    }
}
