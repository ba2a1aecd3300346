package io.jitar.worker.metrics;

import io.jitar.core.metrics.RemoteCallMeter;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The MicroProfile metrics of the remote calls from one procedure to one procedure of another
 * segment, tagged {@code caller}, {@code callee} and {@code path} ({@code direct} or
 * {@code gateway}): calls, failures (any status of 400 or more, or no answer), the duration summary
 * and the body bytes sent and received. A path's metrics are registered when it is first taken,
 * so a worker that only calls directly shows no gateway series.
 */
final class RemoteCallMetrics implements RemoteCallMeter {

    static final Metadata CALLS = Metadata.builder().withName("jitar_remote_calls")
            .withDescription("Calls this worker made of a procedure in another process").build();
    static final Metadata FAILURES = Metadata.builder().withName("jitar_remote_call_failures")
            .withDescription("Remote calls that failed: an error answer (4xx or 5xx) or none").build();
    static final Metadata DURATION = Metadata.builder().withName("jitar_remote_call_duration").withUnit(MetricUnits.SECONDS)
            .withDescription("How long remote calls took at the caller, network and callee included").build();
    static final Metadata SENT = Metadata.builder().withName("jitar_remote_call_sent").withUnit(MetricUnits.BYTES)
            .withDescription("Request body bytes of remote calls").build();
    static final Metadata RECEIVED = Metadata.builder().withName("jitar_remote_call_received").withUnit(MetricUnits.BYTES)
            .withDescription("Answer body bytes of remote calls").build();

    private final MetricRegistry registry;
    private final String caller;
    private final String callee;
    private volatile Path direct;
    private volatile Path gateway;

    RemoteCallMetrics(MetricRegistry registry, String caller, String callee) {
        this.registry = registry;
        this.caller = caller;
        this.callee = callee;
    }

    @Override
    public void record(long nanos, int status, long sentBytes, long receivedBytes, boolean viaGateway) {
        Path path = viaGateway ? gateway : direct;
        if (path == null) {
            path = path(viaGateway);
        }
        path.calls.inc();
        if (status >= 400) {
            path.failures.inc();
        }
        path.duration.update(Duration.ofNanos(nanos));
        path.sent.inc(sentBytes);
        path.received.inc(receivedBytes);
    }

    private synchronized Path path(boolean viaGateway) {
        Path path = viaGateway ? gateway : direct;
        if (path == null) {
            path = new Path(registry, new Tag[] {new Tag("caller", caller), new Tag("callee", callee),
                    new Tag("path", viaGateway ? "gateway" : "direct")});
            if (viaGateway) {
                gateway = path;
            } else {
                direct = path;
            }
        }
        return path;
    }

    /** The metrics of one path. */
    private static final class Path {
        final Counter calls;
        final Counter failures;
        final Timer duration;
        final Counter sent;
        final Counter received;

        Path(MetricRegistry registry, Tag[] tags) {
            calls = registry.counter(CALLS, tags);
            failures = registry.counter(FAILURES, tags);
            duration = registry.timer(DURATION, tags);
            sent = registry.counter(SENT, tags);
            received = registry.counter(RECEIVED, tags);
        }
    }
}
