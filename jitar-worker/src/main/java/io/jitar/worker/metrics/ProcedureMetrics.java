package io.jitar.worker.metrics;

import io.jitar.core.metrics.ProcedureMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The MicroProfile metrics of one implementation's RPC calls, registered once at start:
 * {@code jitar_procedure_calls_total{procedure,version,outcome}}, the duration summary
 * {@code jitar_procedure_duration_seconds{procedure,version}} (with p50, p95, p99) and the gauge
 * {@code jitar_procedure_in_flight{procedure,version}}. A call touches only these objects.
 */
final class ProcedureMetrics implements ProcedureMeter {

    static final Metadata CALLS = Metadata.builder().withName("jitar_procedure_calls")
            .withDescription("RPC calls of a procedure served here, by outcome (ok, 4xx, 5xx)").build();
    static final Metadata DURATION = Metadata.builder().withName("jitar_procedure_duration").withUnit(MetricUnits.SECONDS)
            .withDescription("How long RPC calls of a procedure took here, middleware and argument binding included").build();
    static final Metadata IN_FLIGHT = Metadata.builder().withName("jitar_procedure_in_flight")
            .withDescription("RPC calls of a procedure running here now").build();

    private final Counter[] calls = new Counter[Outcome.values().length];
    private final Timer duration;
    private final AtomicLong inFlight = new AtomicLong();

    ProcedureMetrics(MetricRegistry registry, String procedure, String version) {
        Tag[] tags = {new Tag("procedure", procedure), new Tag("version", version)};
        for (Outcome outcome : Outcome.values()) {
            calls[outcome.ordinal()] = registry.counter(CALLS, tags[0], tags[1], new Tag("outcome", outcome.tag));
        }
        duration = registry.timer(DURATION, tags);
        registry.gauge(IN_FLIGHT, inFlight, AtomicLong::get, tags);
    }

    @Override
    public void started() {
        inFlight.incrementAndGet();
    }

    @Override
    public void finished(long nanos, int status) {
        inFlight.decrementAndGet();
        calls[Outcome.of(status).ordinal()].inc();
        duration.update(Duration.ofNanos(nanos));
    }
}
