package io.jitar.core.http;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.time.Duration;

/**
 * Builds the HTTP client the gateway and the proxy forward with: Jetty's asynchronous client with
 * pooled keep-alive connections, set up to pass requests and answers through untouched.
 *
 * <p>Why not {@code java.net.http.HttpClient}: on this project's 2-core benchmark machine it spent
 * 630-770 µs of CPU per request on JDK 17 (140-170 µs on JDK 25), against 20-40 µs for this client
 * doing the same calls (README, "Performance"). A hop may not cost more than the work behind it.
 *
 * <p>Everything a browser-like client would do on its own is switched off, because a forwarder
 * must not change what passes through it: no {@code Accept-Encoding} added and no bodies decoded,
 * no redirects followed, no 401/407 or 100-continue handling, no cookie store (one caller's cookies
 * would otherwise reach the next caller), no {@code User-Agent} or default {@code Content-Type}
 * added.
 */
public final class PassThroughClients {

    /** Below Payara's 30 s keep-alive timeout, so the client drops an idle connection first. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

    /** Connections per upstream: enough for the gateway's concurrency, bounded for the workers. */
    static final int MAX_CONNECTIONS_PER_UPSTREAM = 128;

    /** Requests waiting for a connection per upstream before new ones are refused. */
    static final int MAX_QUEUED_PER_UPSTREAM = 16_384;

    /**
     * The largest request head (request line and headers) the client writes. Jetty's default, 8 KiB,
     * is what Payara itself accepts from a caller, so a request at Payara's limit would fail on the
     * way on once forwarding headers are added. Jetty allocates this much only for a head that needs it.
     */
    static final int MAX_REQUEST_HEAD_BYTES = 64 * 1024;

    private PassThroughClients() {
    }

    /**
     * A started client whose threads are daemon threads named {@code name-N}; stop it with
     * {@link HttpClient#stop()}.
     */
    public static HttpClient start(String name, Duration connectTimeout) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName(name);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setConnectTimeout(connectTimeout.toMillis());
        client.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        client.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_UPSTREAM);
        client.setMaxRequestsQueuedPerDestination(MAX_QUEUED_PER_UPSTREAM);
        client.setFollowRedirects(false);
        client.setUserAgentField(null);
        client.setDefaultRequestContentType(null);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setMaxRequestHeadersSize(MAX_REQUEST_HEAD_BYTES);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("The forwarding HTTP client did not start: " + e, e);
        }
        // Cleared only now: HttpClient.doStart() installs its default protocol handlers (redirects,
        // 401/407, 100-continue, upgrades) and the gzip decoder, which also adds "Accept-Encoding:
        // gzip" to every request, even when they were cleared before (Jetty 12.0.30). No request
        // has been sent yet.
        client.getProtocolHandlers().clear();
        client.getContentDecoderFactories().clear();
        return client;
    }

    /** Stops {@code client}, closing its connections; a failure to stop is returned, not thrown. */
    public static Exception stop(HttpClient client) {
        try {
            client.stop();
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
