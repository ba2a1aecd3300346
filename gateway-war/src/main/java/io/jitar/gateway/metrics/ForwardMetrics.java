package io.jitar.gateway.metrics;

import io.jitar.core.http.ForwardingFailure;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The gateway's metrics of one procedure at one worker (tagged {@code procedure} and
 * {@code worker}, the worker's public id as on {@code /cluster}, never its URL):
 * {@code jitar_gateway_forwarded_total} (attempts the worker answered, whatever the status),
 * {@code jitar_gateway_failed_total{reason}} ({@code not_connected}, {@code broken},
 * {@code timed_out}, {@code unexpected}), {@code jitar_gateway_retried_total} (failed attempts
 * that went on to another worker) and the attempt duration summary
 * {@code jitar_gateway_forward_duration_seconds}.
 */
final class ForwardMetrics {

    static final Metadata FORWARDED = Metadata.builder().withName("jitar_gateway_forwarded")
            .withDescription("Calls forwarded to a worker that answered (any status)").build();
    static final Metadata FAILED = Metadata.builder().withName("jitar_gateway_failed")
            .withDescription("Attempts at a worker that got no answer, by reason").build();
    static final Metadata RETRIED = Metadata.builder().withName("jitar_gateway_retried")
            .withDescription("Failed attempts at a worker after which another worker got the call").build();
    static final Metadata DURATION = Metadata.builder().withName("jitar_gateway_forward_duration").withUnit(MetricUnits.SECONDS)
            .withDescription("How long one attempt at a worker took, from sending to the whole answer").build();

    private final Counter forwarded;
    private final Map<ForwardingFailure, Counter> failed = new EnumMap<>(ForwardingFailure.class);
    private final Counter retried;
    private final Timer duration;
    private final List<MetricID> ids;

    ForwardMetrics(MetricRegistry registry, String procedure, String worker) {
        Tag[] tags = {new Tag("procedure", procedure), new Tag("worker", worker)};
        forwarded = registry.counter(FORWARDED, tags);
        for (ForwardingFailure failure : ForwardingFailure.values()) {
            failed.put(failure, registry.counter(FAILED, tags[0], tags[1], new Tag("reason", reason(failure))));
        }
        retried = registry.counter(RETRIED, tags);
        duration = registry.timer(DURATION, tags);
        List<MetricID> all = new java.util.ArrayList<>(List.of(new MetricID(FORWARDED.getName(), tags),
                new MetricID(RETRIED.getName(), tags), new MetricID(DURATION.getName(), tags)));
        failed.keySet().forEach(f -> all.add(new MetricID(FAILED.getName(), tags[0], tags[1], new Tag("reason", reason(f)))));
        ids = List.copyOf(all);
    }

    void record(long nanos, ForwardingFailure failure, boolean wasRetried) {
        duration.update(Duration.ofNanos(nanos));
        if (failure == null) {
            forwarded.inc();
        } else {
            failed.get(failure).inc();
        }
        if (wasRetried) {
            retried.inc();
        }
    }

    /** Takes these series off {@code /metrics}: their worker left the registry. */
    void remove(MetricRegistry registry) {
        ids.forEach(registry::remove);
    }

    private static String reason(ForwardingFailure failure) {
        return switch (failure) {
            case NOT_CONNECTED -> "not_connected";
            case BROKEN_AFTER_SENDING -> "broken";
            case TIMED_OUT -> "timed_out";
            case UNEXPECTED -> "unexpected";
        };
    }
}
