package io.jitar.proxy;

import io.jitar.core.http.ForwardingFailure;
import io.jitar.proxy.routing.ProxyErrors;
import io.jitar.proxy.routing.Route;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.io.Content;

/**
 * The request of one exchange to its upstream, on the shared Jetty client. The wait for the
 * upstream's status and headers ends in exactly one of three ways, whichever comes first
 * ({@link #waiting}):
 * <ul>
 *   <li>the answer: status, headers and the body as a {@link Content.Source} go to
 *       {@link ProxyExchange#answer};</li>
 *   <li>a failure, classified like the gateway's {@code WorkerCall} for {@link ProxyErrors}: not
 *       sent at all (refused, connect timeout, pool full) or broken after sending → 502; a request
 *       a gateway never got goes to the next gateway first ({@link ProxyExchange#resend});</li>
 *   <li>{@code jitar.proxy.timeout} → 504. Timed here, not by Jetty: Jetty's {@code timeout()} is
 *       a total that would also cut a long download, and its idle timeout would not count the time
 *       a request waits for a pooled connection. Like the JDK client's timeout before, this one
 *       starts when the request is sent and ends with the answer's headers; after them the
 *       {@link io.jitar.proxy.routing.IdleSweeper} watches the body.</li>
 * </ul>
 * Jetty's own idle timeout is set far above {@code jitar.proxy.timeout}: a backstop that never
 * fires before the proxy's timeouts.
 *
 * <p>Thread-safe: Jetty calls back on its threads, the timeout runs on the runtime's timer thread,
 * the exchange aborts from wherever it ends.
 */
final class UpstreamCall {

    /** Why a call is aborted when its exchange ended first: shared, so no stack trace and no suppressed list. */
    private static final Exception EXCHANGE_ENDED = new ExchangeEnded();

    private final ProxyRuntime runtime;
    private final ProxyExchange exchange;
    private final Route route;
    private final Request request;
    private final AtomicBoolean waiting = new AtomicBoolean(true);
    /** The request has a connection and started out on it (see WorkerCall: not the commit event, which can come late). */
    private volatile boolean begun;
    private volatile boolean ended;
    private volatile ScheduledFuture<?> timer;

    /** @param body the request body, or {@code null} for none */
    UpstreamCall(ProxyRuntime runtime, ProxyExchange exchange, HttpServletRequest client, Route route, byte[] body) {
        this.runtime = runtime;
        this.exchange = exchange;
        this.route = route;
        Duration timeout = runtime.timeout();
        request = runtime.client().newRequest(withoutEmptyQuery(route.uri()))
                .method(client.getMethod())
                .idleTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .headers(fields -> UpstreamHeaders.copy(runtime.headers(), client, fields))
                .onRequestBegin(started -> begun = true)
                .onResponseContentSource(this::answered);
        if (body != null) {
            // Sent with a Content-Length: the body was read whole (see RequestBodyReader); no content
            // type of Jetty's own, the client's header passes as it came.
            request.body(new BytesRequestContent((String) null, body));
        }
    }

    void send() {
        timer = runtime.scheduler().schedule(this::timedOut, runtime.timeout().toNanos(), TimeUnit.NANOSECONDS);
        // A method reference, not this: Jetty registers a listener given to send() for every
        // listener interface it implements, and a second content source listener would make Jetty
        // split the body between two readers and wait for both.
        request.send(this::completed);
    }

    /** Stops the call unless the upstream's answer is complete: its connection is closed, not pooled. */
    void abort() {
        waiting.set(false);
        cancelTimer();
        if (!ended) {
            request.abort(EXCHANGE_ENDED);
        }
    }

    /** The whole body has been read: nothing to abort any more, the connection goes back to the pool. */
    void bodyRead() {
        ended = true;
    }

    // ---- Jetty's callbacks ----------------------------------------------------------------------

    private void answered(Response response, Content.Source body) {
        if (waiting.compareAndSet(true, false)) {
            cancelTimer();
            exchange.answer(response, body);
        }
        // else the timeout won or the exchange ended: the request is aborted already
    }

    private void completed(Result result) {
        ended = true;
        if (!result.isFailed()) {
            return;
        }
        if (waiting.compareAndSet(true, false)) {
            cancelTimer();
            Throwable failure = ForwardingFailure.ofClientCall(result.getFailure(), begun);
            // Refused by a gateway: it never saw the request, so the next gateway may take it; broken
            // off after sending: only a call that may run twice (see IdempotentProcedures).
            ForwardingFailure kind = ForwardingFailure.of(failure);
            if ((kind == ForwardingFailure.NOT_CONNECTED
                    || kind == ForwardingFailure.BROKEN_AFTER_SENDING && exchange.mayRunAgain()) && exchange.resend(route)) {
                return;
            }
            exchange.fail(ProxyErrors.upstreamFailure(route.upstream(), runtime.timeout(), failure));
        } else if (result.getResponseFailure() != null) {
            // The answer began and broke off. (A failure of the request alone, e.g. an upstream that
            // answered before reading the whole body, leaves the answer whole: nothing to do.)
            exchange.answerBroke(result.getResponseFailure());
        }
    }

    private void timedOut() {
        if (waiting.compareAndSet(true, false)) {
            TimeoutException timeout = new TimeoutException("No answer within " + runtime.timeout());
            request.abort(timeout);
            exchange.fail(ProxyErrors.upstreamFailure(route.upstream(), runtime.timeout(), timeout));
        }
    }

    private void cancelTimer() {
        ScheduledFuture<?> current = timer;
        if (current != null) {
            current.cancel(false);
        }
    }

    /** The JDK client sent {@code /x?} as {@code /x}; Jetty would keep the {@code ?}. */
    private static URI withoutEmptyQuery(URI uri) {
        String text = uri.toString();
        return uri.getRawQuery() != null && uri.getRawQuery().isEmpty() && text.endsWith("?")
                ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    private static final class ExchangeEnded extends Exception {

        private static final long serialVersionUID = 1L;

        ExchangeEnded() {
            super("The client's exchange ended before the upstream's answer did", null, false, false);
        }
    }
}
