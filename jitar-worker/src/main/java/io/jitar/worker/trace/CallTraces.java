package io.jitar.worker.trace;

import io.jitar.core.trace.TraceHeaders;
import io.jitar.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The trace context of an RPC call coming in: the span MicroProfile Telemetry opened for it when
 * telemetry is on (it continued the caller's {@code traceparent}; the procedure's name is put on
 * it as {@code jitar.procedure}), else the caller's {@code traceparent} itself, else a new trace
 * (this worker is the first Jitar hop). Remote calls made while it is current pass it on.
 */
@ApplicationScoped
public class CallTraces {

    private static final Logger LOG = Logger.getLogger(CallTraces.class.getName());

    /** False when the server exports no OpenTelemetry API (another runtime than Payara 6), or it failed once. */
    private volatile boolean telemetry = apiPresent();

    public TraceContext of(HttpHeaders headers, String procedure) {
        TraceContext valid = TraceHeaders.parse(headers.getHeaderString(TraceHeaders.TRACEPARENT),
                headers.getHeaderString(TraceHeaders.TRACESTATE));
        TraceContext incoming = valid != null ? valid : TraceHeaders.start();
        if (telemetry) {
            try {
                TraceContext span = TelemetrySpans.current(procedure, valid);
                if (span != null) {
                    return span;
                }
            } catch (LinkageError e) {
                telemetry = false;
                LOG.log(Level.INFO, "The OpenTelemetry API cannot be used here; trace context is passed on without spans", e);
            }
        }
        return incoming;
    }

    private static boolean apiPresent() {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, CallTraces.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
