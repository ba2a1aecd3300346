package io.jitar.worker.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.tracing.TraceContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without MicroProfile Telemetry (no config here): the caller's context goes on unchanged, or a new trace starts. */
class CallTracesTest {

    private static final String GIVEN = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final CallTraces traces = new CallTraces();

    @Test
    void aValidTraceparentAndItsStateAreContinuedAsTheyCame() {
        Map<String, String> headers = Map.of("traceparent", GIVEN, "tracestate", "congo=t61rcWkgMzE");

        CallTrace trace = traces.open(headers::get, "GET", "shop/sum");

        assertThat(trace.context().traceparent()).isEqualTo(GIVEN);
        assertThat(trace.context().traceState()).isEqualTo("congo=t61rcWkgMzE");
        try (CallTrace.Entered entered = trace.enter()) {
            trace.end(200); // no span: nothing to close, nothing thrown
        }
    }

    @Test
    void anInvalidOrMissingTraceparentStartsANewTrace() {
        TraceContext invalid = traces.open(Map.of("traceparent", "00-not-a-trace-01")::get, "GET", "shop/sum").context();
        TraceContext missing = traces.open(name -> null, "POST", "shop/sum").context();

        assertThat(invalid.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(missing.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(missing.traceId()).isNotEqualTo(invalid.traceId());
    }
}
