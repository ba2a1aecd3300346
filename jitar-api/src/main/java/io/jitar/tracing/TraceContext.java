package io.jitar.tracing;

import java.util.Objects;
import java.util.Optional;

/**
 * The W3C trace context of the RPC call this thread runs: the trace it belongs to, the span that
 * is its parent (the current span when MicroProfile Telemetry is on), the trace flags and the
 * vendors' {@code tracestate}. The runtime takes it from the call's {@code traceparent} header,
 * or starts a trace at the first Jitar hop when none came, and passes it on to every remote call
 * the procedure makes, so one trace id runs from the proxy to the last worker. A procedure may
 * read it, for instance to put the trace id in its log lines:
 * <pre>{@code TraceContext.current().map(TraceContext::traceId).orElse("-")}</pre>
 * Like the call graph, it follows the procedure's own thread: work handed to another thread does
 * not see it unless the procedure passes it on.
 *
 * @param traceId    32 lowercase hex digits, not all zero
 * @param parentId   16 lowercase hex digits, not all zero
 * @param flags      2 hex digits; {@code 01} is sampled
 * @param traceState the {@code tracestate} header as it came, or {@code null}
 */
public record TraceContext(String traceId, String parentId, String flags, String traceState) {

    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();

    public TraceContext {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(flags, "flags");
    }

    /** The trace context of the call running on this thread, if any. */
    public static Optional<TraceContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The {@code traceparent} header value: {@code 00-traceId-parentId-flags}. */
    public String traceparent() {
        return "00-" + traceId + "-" + parentId + "-" + flags;
    }

    /**
     * For the runtime: makes {@code context} current on this thread and returns the one to
     * {@linkplain #restore restore} when the call's synchronous part is over.
     */
    public static TraceContext enter(TraceContext context) {
        TraceContext previous = CURRENT.get();
        CURRENT.set(context);
        return previous;
    }

    /** For the runtime: see {@link #enter}. */
    public static void restore(TraceContext previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
