package io.jitar.worker.trace;

import io.jitar.tracing.TraceContext;

/**
 * The trace of one RPC call coming in: the context its remote calls pass on, and, when
 * MicroProfile Telemetry is on, the server span opened for it. {@link #enter()} makes the span
 * current on the calling thread (for the application's own OpenTelemetry use); {@link #end(int)}
 * closes it with the answer's status. Without a span both do nothing.
 */
public class CallTrace {

    /** Undoes {@link #enter()}; never throws. */
    @FunctionalInterface
    public interface Entered extends AutoCloseable {
        @Override
        void close();
    }

    private static final Entered NOTHING = () -> { };

    private final TraceContext context;

    CallTrace(TraceContext context) {
        this.context = context;
    }

    public TraceContext context() {
        return context;
    }

    public Entered enter() {
        return NOTHING;
    }

    /** @param status the HTTP status answered */
    public void end(int status) {
    }
}
