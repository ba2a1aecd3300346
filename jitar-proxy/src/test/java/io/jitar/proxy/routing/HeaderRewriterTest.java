package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderRewriterTest {

    private static final HeaderRewriter STRIPPING = new HeaderRewriter(false);
    private static final HeaderRewriter PASSING = new HeaderRewriter(true);

    private static Map<String, List<String>> headers(String... pairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return headers;
    }

    /** What the upstream gets, but the traceparent (a new random one when none came; see the trace tests). */
    private static List<String> toUpstream(HeaderRewriter rewriter, Map<String, List<String>> headers, String host) {
        return withTrace(rewriter, headers, host).stream().filter(h -> !h.startsWith("traceparent: ")).toList();
    }

    private static List<String> withTrace(HeaderRewriter rewriter, Map<String, List<String>> headers, String host) {
        List<String> sent = new ArrayList<>();
        rewriter.toUpstream(headers, "192.0.2.10", "https", host, (name, value) -> sent.add(name + ": " + value));
        return sent;
    }

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void passesAValidTraceparentAndItsTracestateOnUnchanged() {
        List<String> sent = withTrace(STRIPPING, headers("Traceparent", TRACEPARENT, "tracestate", "congo=t61rcWkgMzE",
                "tracestate", "rojo=00f067aa0ba902b7", "X-Kept", "yes"), null);

        assertThat(sent).containsExactly("X-Kept: yes", "traceparent: " + TRACEPARENT,
                "tracestate: congo=t61rcWkgMzE,rojo=00f067aa0ba902b7", "X-Forwarded-For: 192.0.2.10", "X-Forwarded-Proto: https");
    }

    @Test
    void startsATraceWhenNoneOrAnInvalidOneCame() {
        List<String> none = withTrace(STRIPPING, headers(), null);
        List<String> invalid = withTrace(STRIPPING, headers("traceparent", "00-zz-00f067aa0ba902b7-01", "tracestate", "congo=1"), null);
        List<String> twice = withTrace(STRIPPING, headers("traceparent", TRACEPARENT, "traceparent", TRACEPARENT), null);

        for (List<String> sent : List.of(none, invalid, twice)) {
            assertThat(sent).filteredOn(h -> h.startsWith("trace")).singleElement().asString()
                    .matches("traceparent: 00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        assertThat(none.get(0)).isNotEqualTo(withTrace(STRIPPING, headers(), null).get(0));
    }

    @Test
    void keepsEndToEndHeadersAndAddsForwardedHeadersLast() {
        List<String> sent = toUpstream(STRIPPING, headers("content-type", "application/json",
                "X-Jitar-Procedure-Version", "1.0.0", "accept", "a", "accept", "b"), "public.example:8443");

        assertThat(sent).containsExactly("content-type: application/json", "X-Jitar-Procedure-Version: 1.0.0",
                "accept: a", "accept: b", "X-Forwarded-For: 192.0.2.10", "X-Forwarded-Proto: https",
                "X-Forwarded-Host: public.example:8443");
    }

    @Test
    void dropsHopByHopHeadersAndThoseConnectionNames() {
        List<String> sent = toUpstream(STRIPPING, headers("connection", "close, X-Private", "X-Private", "secret",
                "keep-alive", "timeout=5", "transfer-encoding", "chunked", "host", "public.example",
                "content-length", "12", "expect", "100-continue", "upgrade", "h2c", "te", "trailers",
                "proxy-authorization", "Basic eDp5", "X-Kept", "yes"), "public.example");

        assertThat(sent).containsExactly("X-Kept: yes", "X-Forwarded-For: 192.0.2.10", "X-Forwarded-Proto: https",
                "X-Forwarded-Host: public.example");
    }

    @Test
    void appendsTheClientToForwardedForInEveryValue() {
        List<String> sent = toUpstream(STRIPPING, headers("x-forwarded-for", "203.0.113.7, 198.51.100.1",
                "X-Forwarded-For", " 198.51.100.2 ", "X-Forwarded-For", " "), null);

        assertThat(sent).containsExactly("X-Forwarded-For: 203.0.113.7, 198.51.100.1, 198.51.100.2, 192.0.2.10",
                "X-Forwarded-Proto: https");
    }

    @Test
    void replacesForwardedProtoAndHostAClientSent() {
        List<String> sent = toUpstream(STRIPPING, headers("X-Forwarded-Proto", "http",
                "x-forwarded-host", "spoofed.example"), "public.example");

        assertThat(sent).containsExactly("X-Forwarded-For: 192.0.2.10", "X-Forwarded-Proto: https",
                "X-Forwarded-Host: public.example");
    }

    @Test
    void stripsTheTrustKeyByDefault() {
        assertThat(toUpstream(STRIPPING, headers("x-jitar-trust-key", "stolen"), null))
                .noneMatch(header -> header.toLowerCase().startsWith("x-jitar-trust-key"));
        assertThat(STRIPPING.passesTrustKey()).isFalse();
    }

    @Test
    void passesTheTrustKeyWhenConfigured() {
        assertThat(toUpstream(PASSING, headers("X-Jitar-Trust-Key", "inside-the-dmz"), null))
                .contains("X-Jitar-Trust-Key: inside-the-dmz");
        assertThat(PASSING.passesTrustKey()).isTrue();
    }

    @Test
    void toClientDropsHopByHopHeadersButKeepsTheLength() {
        List<String> sent = new ArrayList<>();
        STRIPPING.toClient(headers("content-type", "text/plain", "set-cookie", "a=1", "set-cookie", "b=2",
                "connection", "X-Internal", "X-Internal", "yes", "keep-alive", "timeout=5",
                "transfer-encoding", "chunked", "content-length", "42", "proxy-authenticate", "Basic"),
                (name, value) -> sent.add(name + ": " + value));

        assertThat(sent).containsExactly("content-type: text/plain", "set-cookie: a=1", "set-cookie: b=2",
                "Content-Length: 42");
    }
}
