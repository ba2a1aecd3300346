package io.jitar.proxy;

import java.util.logging.Level;
import java.util.logging.Logger;
import io.jitar.proxy.routing.IdleSweeper;
import io.jitar.proxy.routing.ProxyErrors;
import io.jitar.proxy.routing.RequestBodyTimeoutException;
import io.jitar.proxy.routing.Route;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.io.Content;

/**
 * One request on its way through the proxy, asynchronous from end to end:
 * <ol>
 *   <li><b>reading</b>: a request body is collected without blocking, bounded by
 *       {@code jitar.max-body-size} ({@link RequestBodyReader});</li>
 *   <li><b>waiting</b>: the request goes out on the shared client ({@link UpstreamCall}); its
 *       timeout ends the wait for the upstream's answer (504), a failed connection answers 502;</li>
 *   <li><b>streaming</b>: status and headers are passed on and the body streams through a
 *       {@link ResponseBodyPump}, never held whole.</li>
 * </ol>
 * While reading and streaming, an exchange that makes no progress for {@code jitar.proxy.timeout}
 * is ended by the {@link IdleSweeper}: 408 while the client's body is missing, a closed
 * connection once the answer has begun.
 */
final class ProxyExchange implements AsyncListener, IdleSweeper.Watched, ResponseBodyPump.Exchange {

    private static final Logger LOG = Logger.getLogger(ProxyExchange.class.getName());

    private enum Phase { READING, WAITING, STREAMING }

    private final ProxyRuntime runtime;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private volatile Route route;
    private final long declaredLength;
    /** The request body for a resend, once read; {@code null} for none. */
    private volatile byte[] body;
    /** Upstreams tried, one per gateway at most. */
    private volatile int tries;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Phase phase = Phase.READING;
    private volatile long lastProgress;
    private final AsyncContext async;
    private volatile UpstreamCall upstream;
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
            send(null);
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

    /** Sends the request upstream, with {@code body} ({@code null}: none); called once. */
    void send(byte[] body) {
        phase = Phase.WAITING;
        this.body = body;
        tries = 1;
        sendTo(route);
    }

    /**
     * A gateway did not answer this request (refused it, or broke off where it may run again): it
     * goes to the next gateway, once per gateway. Returns {@code false} when there is none left (or
     * the route was not to a gateway).
     */
    boolean resend(Route refused) {
        if (done.get()) {
            return false;
        }
        Route next = runtime.failover().next(refused, tries).orElse(null);
        if (next == null) {
            return false;
        }
        tries++;
        route = next;
        sendTo(next);
        return true;
    }

    private void sendTo(Route target) {
        UpstreamCall call = new UpstreamCall(runtime, this, request, target, body);
        upstream = call; // aborted if the exchange ends first (the client went away)
        call.send();
    }

    /** Whether this request may reach another gateway after one may have run it ({@link GatewayFailover}). */
    boolean mayRunAgain() {
        return runtime.failover().mayRunAgain(route, request);
    }

    /** The upstream's status and headers have come, on a client thread; {@code body} is still to read. */
    void answer(Response upstreamResponse, Content.Source body) {
        runtime.failover().answered(route, request, upstreamResponse);
        if (done.get()) {
            upstream.abort();
            return;
        }
        phase = Phase.STREAMING;
        progress();
        try {
            response.setStatus(upstreamResponse.getStatus());
            AnswerHeaders.copy(runtime.headers(), upstreamResponse.getHeaders(), response);
            pump = new ResponseBodyPump(this, response.getOutputStream(), body);
            pump.start();
        } catch (IOException | RuntimeException e) {
            upstream.abort();
            fail(e);
        }
    }

    /** The upstream's answer broke off after it began (the call's report; the pump may have seen it first). */
    void answerBroke(Throwable error) {
        ResponseBodyPump current = pump;
        if (current != null) {
            current.upstreamFailed(error);
        }
    }

    // ---- ending ---------------------------------------------------------------------------------

    /** Called by the pump, and by anyone on whose thread the body makes progress. */
    @Override
    public void progress() {
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
            LOG.log(Level.WARNING, () -> "No progress streaming the answer of the " + route.upstream().role()
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
    @Override
    public void abort() {
        ResponseBodyPump current = pump;
        if (current != null) {
            current.cancel();
        }
        if (!done.get()) {
            ConnectionBreaker.breakConnection(response);
        }
        finish();
    }

    /** The pump wrote the whole body: the upstream's connection is reused, and the exchange ends. */
    @Override
    public void bodyComplete() {
        upstream.bodyRead();
        finish();
    }

    /** Ends the exchange normally (the pump wrote the whole body, or the client is gone). */
    @Override
    public void finish() {
        if (done.compareAndSet(false, true)) {
            complete();
        }
    }

    private void complete() {
        runtime.sweeper().unwatch(this);
        UpstreamCall call = upstream;
        if (call != null) {
            call.abort(); // does nothing once the answer is complete
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
        // No container timeout is set: the sweeper and the call's timeout end exchanges.
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
}
