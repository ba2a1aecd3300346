package io.jitar.worker.trace;

import io.jitar.core.trace.TraceHeaders;
import io.jitar.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The trace of an RPC call coming in: with MicroProfile Telemetry on, a server span that
 * continues the caller's {@code traceparent} ({@link TelemetrySpans}); else the caller's
 * {@code traceparent} itself, else a new trace (this worker is the first Jitar hop). Remote calls
 * made while it is current pass it on.
 */
@ApplicationScoped
public class CallTraces {

    private static final Logger LOG = Logger.getLogger(CallTraces.class.getName());

    /** Null while telemetry is off (the default), the server exports no OpenTelemetry API, or it failed once. */
    private volatile TelemetrySpans spans;
    private volatile boolean lookedUp;

    /**
     * @param header a request header's first value by name, or {@code null}
     * @param method the HTTP method, which names the span
     */
    public CallTrace open(UnaryOperator<String> header, String method, String procedure) {
        TraceContext valid = TraceHeaders.parse(header.apply(TraceHeaders.TRACEPARENT), header.apply(TraceHeaders.TRACESTATE));
        TelemetrySpans telemetry = spans();
        if (telemetry != null) {
            try {
                CallTrace spanned = telemetry.start(method, procedure, valid);
                if (spanned != null) {
                    return spanned;
                }
            } catch (LinkageError | RuntimeException e) {
                spans = null;
                LOG.log(Level.INFO, "OpenTelemetry spans cannot be opened here; trace context is passed on without them", e);
            }
        }
        return new CallTrace(valid != null ? valid : TraceHeaders.start());
    }

    private TelemetrySpans spans() {
        if (!lookedUp) {
            synchronized (this) {
                if (!lookedUp) {
                    spans = lookUp();
                    lookedUp = true;
                }
            }
        }
        return spans;
    }

    /** Looked up at the first call, not at startup: the CDI container is complete by then. */
    private static TelemetrySpans lookUp() {
        try {
            boolean disabled = ConfigProvider.getConfig(CallTraces.class.getClassLoader())
                    .getOptionalValue("otel.sdk.disabled", Boolean.class).orElse(true);
            return disabled || !apiPresent() ? null : TelemetrySpans.lookUp();
        } catch (LinkageError | RuntimeException e) {
            LOG.log(Level.INFO, "MicroProfile Telemetry cannot be read or looked up here; trace context is passed on without spans", e);
            return null;
        }
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
