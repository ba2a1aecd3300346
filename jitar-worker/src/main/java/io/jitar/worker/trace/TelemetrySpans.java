package io.jitar.worker.trace;

import io.jitar.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The current OpenTelemetry span, when MicroProfile Telemetry opened one for the call
 * ({@code otel.sdk.disabled=false}); apart from {@link CallTraces} so that the API's classes are
 * only loaded where they exist.
 */
final class TelemetrySpans {

    static final String PROCEDURE = "jitar.procedure";

    private TelemetrySpans() {
    }

    /**
     * The span's context with {@code procedure} put on it, or {@code null} to go on with the
     * incoming context: when there is no span, or when the span is not in the incoming trace. The
     * latter happens with MicroProfile Telemetry off: Payara Micro 6 still opens a span of its own
     * (request tracing) in a new trace, and following it would cut the caller's trace in two.
     *
     * @param incoming the caller's valid context, or {@code null}
     */
    static TraceContext current(String procedure, TraceContext incoming) {
        Span span = Span.current();
        SpanContext context = span.getSpanContext();
        if (!context.isValid() || incoming != null && !context.getTraceId().equals(incoming.traceId())) {
            return null;
        }
        span.setAttribute(PROCEDURE, procedure);
        String state = incoming == null ? null : incoming.traceState();
        return new TraceContext(context.getTraceId(), context.getSpanId(), context.getTraceFlags().asHex(), state);
    }
}
