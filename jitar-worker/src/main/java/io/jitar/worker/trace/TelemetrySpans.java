package io.jitar.worker.trace;

import io.jitar.tracing.TraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.spi.CDI;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens the server span of an RPC call with MicroProfile Telemetry's tracer
 * ({@code otel.sdk.disabled=false}). {@code /rpc} is a plain servlet, and Payara opens spans for
 * JAX-RS resources only, so the worker opens its own: kind SERVER, a child of the caller's
 * {@code traceparent}, named {@code <method> /rpc/{fqn}}, with the procedure as
 * {@code jitar.procedure}. Apart from {@link CallTraces} so that the API's classes are only
 * loaded where they exist. Thread-safe.
 */
final class TelemetrySpans {

    static final String PROCEDURE = "jitar.procedure";
    private static final String ROUTE = "/rpc/{fqn}";
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    private TelemetrySpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The application's OpenTelemetry as MicroProfile Telemetry offers it to CDI. */
    static TelemetrySpans lookUp() {
        OpenTelemetry telemetry = CDI.current().select(OpenTelemetry.class).get();
        return new TelemetrySpans(telemetry.getTracer("io.jitar.worker"));
    }

    /** @param incoming the caller's valid context, or {@code null} (the span starts a trace) */
    CallTrace start(String method, String procedure, TraceContext incoming) {
        Context parent = Context.root();
        if (incoming != null) {
            Map<String, String> carrier = new HashMap<>(4);
            carrier.put("traceparent", incoming.traceparent());
            if (incoming.traceState() != null) {
                carrier.put("tracestate", incoming.traceState());
            }
            parent = W3CTraceContextPropagator.getInstance().extract(parent, carrier, MAP);
        }
        Span span = tracer.spanBuilder(method + " " + ROUTE)
                .setSpanKind(SpanKind.SERVER)
                .setParent(parent)
                .setAttribute("http.request.method", method)
                .setAttribute("http.route", ROUTE)
                .setAttribute(PROCEDURE, procedure)
                .startSpan();
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) { // a tracer that records nothing: go on with the caller's context
            return null;
        }
        String state = incoming == null ? null : incoming.traceState();
        return new Spanned(new TraceContext(context.getTraceId(), context.getSpanId(), context.getTraceFlags().asHex(), state), span);
    }

    private static final class Spanned extends CallTrace {

        private final Span span;

        Spanned(TraceContext context, Span span) {
            super(context);
            this.span = span;
        }

        @Override
        public Entered enter() {
            Scope scope = span.makeCurrent();
            return scope::close;
        }

        @Override
        public void end(int status) {
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
