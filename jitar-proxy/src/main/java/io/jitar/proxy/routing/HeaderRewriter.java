package io.jitar.proxy.routing;

import io.jitar.core.trace.TraceHeaders;
import io.jitar.tracing.TraceContext;
import io.jitar.core.http.HopByHopHeaders;
import io.jitar.core.protocol.JitarHeaders;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which headers cross the proxy, both ways. Hop-by-hop headers never do
 * ({@link HopByHopHeaders}). Towards the upstream, the proxy adds where the request came from:
 * <ul>
 *   <li>{@code X-Forwarded-For}: the client's address appended to the list the client sent (the
 *       last entry is the one the proxy vouches for);</li>
 *   <li>{@code X-Forwarded-Proto} and {@code X-Forwarded-Host}: replaced by what the proxy saw,
 *       because a client's own values cannot be trusted at the public entry;</li>
 *   <li>{@code X-Jitar-Trust-Key}: dropped unless {@code passTrustKey}, so that nobody outside the
 *       DMZ reaches protected procedures;</li>
 *   <li>{@code traceparent} and {@code tracestate}: passed on when the {@code traceparent} is
 *       valid, else replaced by a new trace: the proxy is the first Jitar hop, where a trace starts
 *       ({@link TraceHeaders}).</li>
 * </ul>
 * Towards the client, {@code Content-Length} is kept (the body is passed on unchanged, so the
 * length stays true and the client sees the size of a download).
 *
 * <p>Immutable and thread-safe.
 */
public final class HeaderRewriter {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    public static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String CONTENT_LENGTH = "Content-Length";

    private final boolean passTrustKey;

    /** @param passTrustKey whether a client's {@code X-Jitar-Trust-Key} reaches the upstream */
    public HeaderRewriter(boolean passTrustKey) {
        this.passTrustKey = passTrustKey;
    }

    /**
     * Calls {@code action} for every header the upstream should get, the {@code X-Forwarded-*}
     * headers last.
     *
     * @param headers       the client's headers; the map need not ignore case
     * @param clientAddress the address the client connected from
     * @param scheme        {@code http} or {@code https}, as the client reached the proxy
     * @param host          the {@code Host} the client asked for (with port, if any); {@code null} if none
     */
    public void toUpstream(Map<String, List<String>> headers, String clientAddress, String scheme, String host,
                           BiConsumer<String, String> action) {
        StringBuilder forwardedFor = new StringBuilder();
        String[] trace = new String[2];
        HopByHopHeaders.forEachEndToEnd(headers, (name, value) -> {
            if (TraceHeaders.TRACEPARENT.equalsIgnoreCase(name)) {
                trace[0] = trace[0] == null ? value : trace[0] + "," + value; // two of them: invalid
            } else if (TraceHeaders.TRACESTATE.equalsIgnoreCase(name)) {
                trace[1] = trace[1] == null ? value : trace[1] + "," + value; // list members may come in several headers
            } else if (FORWARDED_FOR.equalsIgnoreCase(name)) {
                if (!value.isBlank()) {
                    forwardedFor.append(value.trim()).append(", ");
                }
            } else if (!isReplaced(name)) {
                action.accept(name, value);
            }
        });
        TraceContext context = TraceHeaders.continueOrStart(trace[0], trace[1]);
        action.accept(TraceHeaders.TRACEPARENT, context.traceparent());
        if (context.traceState() != null) {
            action.accept(TraceHeaders.TRACESTATE, context.traceState());
        }
        action.accept(FORWARDED_FOR, forwardedFor.append(clientAddress).toString());
        action.accept(FORWARDED_PROTO, scheme);
        if (host != null && !host.isBlank()) {
            action.accept(FORWARDED_HOST, host.trim());
        }
    }

    /** Calls {@code action} for every header the client should get from the upstream's answer. */
    public void toClient(Map<String, List<String>> headers, BiConsumer<String, String> action) {
        HopByHopHeaders.forEachEndToEnd(headers, action);
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (CONTENT_LENGTH.equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                action.accept(CONTENT_LENGTH, header.getValue().get(0));
                return;
            }
        }
    }

    public boolean passesTrustKey() {
        return passTrustKey;
    }

    private boolean isReplaced(String name) {
        return FORWARDED_PROTO.equalsIgnoreCase(name) || FORWARDED_HOST.equalsIgnoreCase(name)
                || !passTrustKey && JitarHeaders.TRUST_KEY.equalsIgnoreCase(name);
    }
}
