package io.jitar.proxy;

import io.jitar.core.proxy.IdleSweeper;
import io.jitar.core.proxy.ProxyErrors;
import io.jitar.core.proxy.RequestBodyTimeoutException;
import io.jitar.core.proxy.Route;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request on its way through the proxy, asynchronous from end to end:
 * <ol>
 *   <li><b>reading</b>: a request body is collected without blocking, bounded by
 *       {@code jitar.max-body-size} ({@link RequestBodyReader});</li>
 *   <li><b>waiting</b>: the request goes out on the shared client; its timeout ends the wait for
 *       the upstream's answer (504), a failed connection answers 502;</li>
 *   <li><b>streaming</b>: status and headers are passed on and the body streams through a
 *       {@link ResponseBodyPump}, never held whole.</li>
 * </ol>
 * While reading and streaming, an exchange that makes no progress for {@code jitar.proxy.timeout}
 * is ended by the {@link IdleSweeper}: 408 while the client's body is missing, a closed
 * connection once the answer has begun.
 */
final class ProxyExchange implements AsyncListener, IdleSweeper.Watched {

    private static final System.Logger LOG = System.getLogger(ProxyExchange.class.getName());

    private enum Phase { READING, WAITING, STREAMING }

    private final ProxyRuntime runtime;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Route route;
    private final long declaredLength;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Phase phase = Phase.READING;
    private volatile long lastProgress;
    private final AsyncContext async;
    private volatile CompletableFuture<?> upstreamCall;
    private volatile ResponseBodyPump pump;

    ProxyExchange(ProxyRuntime runtime, HttpServletRequest request, HttpServletResponse response, Route route,
                  long declaredLength) {
        this.runtime = runtime;
        this.request = request;
        this.response = response;
        this.route = route;
        this.declaredLength = declaredLength;
        this.async = request.startAsync(request, response);
    }

    void start() {
        async.setTimeout(0);
        async.addListener(this);
        progress();
        runtime.sweeper().watch(this);
        if (declaredLength == 0) {
            send(BodyPublishers.noBody());
            return;
        }
        try {
            ServletInputStream in = request.getInputStream();
            in.setReadListener(new RequestBodyReader(this, in, runtime.bodyLimit().newBuffer(declaredLength)));
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** Whether the request body is still being read: the exchange has not moved on or ended. */
    boolean isReading() {
        return phase == Phase.READING && !done.get();
    }

    // ---- waiting for the upstream ----------------------------------------------------------------

    void send(BodyPublisher publisher) {
        phase = Phase.WAITING;
        HttpRequest.Builder builder = HttpRequest.newBuilder(route.uri())
                .timeout(runtime.timeout())
                .method(request.getMethod(), publisher);
        runtime.headers().toUpstream(headersOf(request), request.getRemoteAddr(), request.getScheme(),
                request.getHeader("Host"), (name, value) -> {
                    try {
                        builder.header(name, value);
                    } catch (IllegalArgumentException e) {
                        // A header the JDK client refuses to send (restricted or malformed) is not forwarded.
                    }
                });
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> call =
                runtime.client().sendAsync(builder.build(), BodyHandlers.ofPublisher());
        upstreamCall = call; // cancelled if the exchange ends first (the client went away)
        call.whenComplete(this::answer);
    }

    private void answer(HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream, Throwable error) {
        if (done.get()) {
            if (upstream != null) {
                upstream.body().subscribe(ResponseBodyPump.CANCEL);
            }
            return;
        }
        if (error != null) {
            fail(ProxyErrors.upstreamFailure(route.upstream(), runtime.timeout(), error));
            return;
        }
        phase = Phase.STREAMING;
        progress();
        try {
            response.setStatus(upstream.statusCode());
            copyHeaders(upstream.headers().map());
            pump = new ResponseBodyPump(this, response.getOutputStream());
            pump.start(upstream.body());
        } catch (IOException | RuntimeException e) {
            upstream.body().subscribe(ResponseBodyPump.CANCEL);
            fail(e);
        }
    }

    /**
     * The upstream's first value of a header replaces what the container set by default
     * ({@code X-Frame-Options}, {@code Server}), so the proxy passes the answer on as it is.
     */
    private void copyHeaders(Map<String, List<String>> headers) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        runtime.headers().toClient(headers, (name, value) -> {
            if ("Content-Length".equalsIgnoreCase(name)) {
                setContentLength(value);
            } else if (seen.add(name)) {
                response.setHeader(name, value);
            } else {
                response.addHeader(name, value);
            }
        });
    }

    private void setContentLength(String value) {
        try {
            response.setContentLengthLong(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            // The JDK client already refused a malformed length; nothing to pass on.
        }
    }

    // ---- ending ---------------------------------------------------------------------------------

    /** Called by the pump, and by anyone on whose thread the body makes progress. */
    void progress() {
        lastProgress = runtime.sweeper().now();
    }

    @Override
    public long lastProgress() {
        return phase == Phase.WAITING ? runtime.sweeper().now() : lastProgress;
    }

    @Override
    public void idle() {
        if (phase == Phase.READING) {
            fail(new RequestBodyTimeoutException(runtime.timeout()));
        } else if (phase == Phase.STREAMING) {
            LOG.log(System.Logger.Level.WARNING, () -> "No progress streaming the answer of the " + route.upstream().role()
                    + " for " + runtime.timeout() + "; connection closed");
            abort();
        } else {
            runtime.sweeper().watch(this);
        }
    }

    /** Answers {@code error} as JSON while nothing has been sent yet, else {@linkplain #abort() aborts}. */
    void fail(Throwable error) {
        if (phase == Phase.STREAMING || response.isCommitted()) {
            abort();
            return;
        }
        if (done.compareAndSet(false, true)) {
            ErrorAnswers.write(response, error);
            complete();
        }
    }

    /**
     * Ends an answer that has begun and cannot be finished: the client's connection is closed,
     * so that the client sees the answer broken off instead of a body that looks whole
     * ({@link ConnectionBreaker}).
     */
    void abort() {
        ResponseBodyPump current = pump;
        if (current != null) {
            current.cancel();
        }
        if (!done.get()) {
            ConnectionBreaker.breakConnection(response);
        }
        finish();
    }

    /** Ends the exchange normally (the pump wrote the whole body, or the client is gone). */
    void finish() {
        if (done.compareAndSet(false, true)) {
            complete();
        }
    }

    private void complete() {
        runtime.sweeper().unwatch(this);
        CompletableFuture<?> call = upstreamCall;
        if (call != null && !call.isDone()) {
            call.cancel(true);
        }
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // the container completed it already (client gone)
        }
    }

    // ---- the container's view of the asynchronous request ----------------------------------------

    @Override
    public void onComplete(AsyncEvent event) {
        runtime.sweeper().unwatch(this);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // No container timeout is set: the sweeper and the client's timeout end exchanges.
    }

    @Override
    public void onError(AsyncEvent event) {
        ResponseBodyPump current = pump;
        if (current != null) {
            current.cancel();
        }
        finish();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    private static Map<String, List<String>> headersOf(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }
}
