package io.jitar.gateway.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;
import io.jitar.core.http.ForwardingFailure;
import io.jitar.core.http.HopByHopHeaders;
import io.jitar.errors.BadRequestException;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Forwards RPC requests to workers as bytes, asynchronously, with failover among the available
 * workers of the procedure (the candidates of one {@link ProcedureBalancer} snapshot, each at
 * most once per request):
 * <ul>
 *   <li>{@link ForwardingFailure#NOT_CONNECTED}: the worker is {@linkplain WorkerRegistry#markDown
 *       marked down} (an open circuit breaker until the down time passes or it reports
 *       {@code AVAILABLE}) and the next candidate gets the request at once. Always safe: the
 *       request never left the gateway.</li>
 *   <li>{@link ForwardingFailure#BROKEN_AFTER_SENDING}: the next candidate only if the procedure is
 *       {@linkplain ProcedureBalancer#isIdempotent() idempotent}, else {@link WorkerFailedException}
 *       (502): the worker may have run it.</li>
 *   <li>{@link ForwardingFailure#TIMED_OUT}: {@link WorkerTimeoutException} (504), no retry. The
 *       worker may still be running the procedure; a retry would run it twice, double the load on
 *       a cluster that is already slow, and keep the caller waiting beyond the timeout.</li>
 *   <li>every candidate failed: {@link NoWorkerAvailableException} (503).</li>
 * </ul>
 * A worker's answer is returned as it is, error statuses included: the worker did answer.
 *
 * <p>The request timeout covers the whole exchange with one worker, answer included. Answers are
 * handled on the client's own threads: nothing here blocks, so no further hand-over is needed.
 *
 * <p>Every request a worker received is counted in its {@link RegisteredWorker#load() load}: an
 * answer (whatever its status), a failure after sending or a timeout counts; a connection that was
 * never made does not.
 *
 * <p>Thread-safe and lock-free: it keeps no per-request state beyond the call in flight.
 */
public final class RequestForwarder {

    private static final Logger LOG = Logger.getLogger(RequestForwarder.class.getName());

    private final HttpClient client;
    private final WorkerRegistry registry;
    private final ForwardingSettings settings;
    private final Clock clock;
    private final ForwardingMeters meters;

    /**
     * A forwarder that counts load by the system clock; see
     * {@link #RequestForwarder(HttpClient, WorkerRegistry, ForwardingSettings, Clock)}.
     */
    public RequestForwarder(HttpClient client, WorkerRegistry registry, ForwardingSettings settings) {
        this(client, registry, settings, Clock.systemUTC());
    }

    /**
     * @param client   the one shared, started client; see {@link io.jitar.core.http.PassThroughClients}
     * @param registry where the workers are picked and marked down
     * @param settings request timeout and down time
     * @param clock    the time each request is counted at in its worker's {@link WorkerLoad}
     */
    public RequestForwarder(HttpClient client, WorkerRegistry registry, ForwardingSettings settings, Clock clock) {
        this(client, registry, settings, clock, ForwardingMeters.NONE);
    }

    /** @param meters told of every attempt at a worker (forwarded, failed, retried, how long) */
    public RequestForwarder(HttpClient client, WorkerRegistry registry, ForwardingSettings settings, Clock clock,
                            ForwardingMeters meters) {
        this.client = Objects.requireNonNull(client, "client");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * Forwards {@code call} to a worker of its procedure; never throws, failures complete the
     * future: {@link ProcedureNotFoundException} (404), {@link NoWorkerAvailableException} (503),
     * {@link WorkerFailedException} (502), {@link WorkerTimeoutException} (504), or
     * {@link BadRequestException} (400) for a query string that is not valid in a URI.
     *
     * @return the first answer of a worker, whatever its status
     */
    public CompletableFuture<WorkerAnswer> forward(ForwardedCall call) {
        try {
            return new Forwarding(call, registry.balancer(call.procedureName())).attempt(0);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One request on its way: the snapshot it fails over in, and where it started in it. */
    private final class Forwarding {

        private final ForwardedCall call;
        private final ProcedureBalancer balancer;
        private final int start;

        Forwarding(ForwardedCall call, ProcedureBalancer balancer) {
            this.call = call;
            this.balancer = balancer;
            this.start = balancer.nextStart();
        }

        CompletableFuture<WorkerAnswer> attempt(int attempt) {
            if (attempt == balancer.size()) {
                return CompletableFuture.failedFuture(new NoWorkerAvailableException(call.procedureName(),
                        attempt == 1 ? "its only available worker failed" : "all " + attempt + " available workers failed"));
            }
            RegisteredWorker worker = balancer.candidate(start, attempt);
            long begun = System.nanoTime();
            return WorkerCall.send(request(target(worker), call))
                    .handle((answer, error) -> {
                        count(worker, error);
                        measure(worker, attempt, begun, error);
                        return error == null
                                ? CompletableFuture.completedFuture(balancer.isIdempotent() ? answer.asIdempotent() : answer)
                                : recover(worker, attempt, error);
                    })
                    .thenCompose(Function.identity());
        }

        private CompletableFuture<WorkerAnswer> recover(RegisteredWorker worker, int attempt, Throwable error) {
            switch (ForwardingFailure.of(error)) {
                case NOT_CONNECTED:
                    registry.markDown(worker.id(), settings.downTime());
                    LOG.log(Level.INFO, () -> "Worker " + worker.id() + " at " + worker.url()
                            + " could not be connected to; marked down for " + settings.downTime().toMillis() + " ms");
                    return attempt(attempt + 1);
                case BROKEN_AFTER_SENDING:
                    if (balancer.isIdempotent()) {
                        return attempt(attempt + 1);
                    }
                    LOG.log(Level.WARNING, () -> "Worker " + worker.id() + " at " + worker.url()
                            + " failed during non-idempotent procedure '" + call.procedureName() + "': " + brief(error));
                    return CompletableFuture.failedFuture(new WorkerFailedException(call.procedureName(), PublicWorkerId.of(worker.id())));
                case TIMED_OUT:
                    LOG.log(Level.WARNING, () -> "Worker " + worker.id() + " at " + worker.url()
                            + " did not answer '" + call.procedureName() + "' in time");
                    return CompletableFuture.failedFuture(
                            new WorkerTimeoutException(call.procedureName(), PublicWorkerId.of(worker.id()), settings.requestTimeout()));
                default:
                    return CompletableFuture.failedFuture(error);
            }
        }

        private void measure(RegisteredWorker worker, int attempt, long begun, Throwable error) {
            ForwardingFailure failure = error == null ? null : ForwardingFailure.of(error);
            boolean retried = attempt + 1 < balancer.size() && (failure == ForwardingFailure.NOT_CONNECTED
                    || failure == ForwardingFailure.BROKEN_AFTER_SENDING && balancer.isIdempotent());
            meters.attempted(call.procedureName(), worker, System.nanoTime() - begun, failure, retried);
        }

        private URI target(RegisteredWorker worker) {
            String base = worker.url().toString();
            String path = (base.endsWith("/") ? base : base + "/") + "rpc/" + call.procedureName();
            try {
                return URI.create(call.rawQuery() == null ? path : path + "?" + call.rawQuery());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("Invalid query string: not a valid URI query");
            }
        }
    }

    /** The failure's type and message, cut short: a client's exception text can describe its whole connection. */
    private static String brief(Throwable error) {
        String text = String.valueOf(error.getMessage());
        return error.getClass().getSimpleName() + ": " + (text.length() > 120 ? text.substring(0, 120) + "..." : text);
    }

    /** Counts a request that reached {@code worker}: it answered, broke off after sending, or timed out. */
    private void count(RegisteredWorker worker, Throwable error) {
        ForwardingFailure failure = error == null ? null : ForwardingFailure.of(error);
        if (failure == null || failure == ForwardingFailure.BROKEN_AFTER_SENDING || failure == ForwardingFailure.TIMED_OUT) {
            worker.load().record(Math.floorDiv(clock.millis(), 1000L));
        }
    }

    /** The call as a request to {@code target}: end-to-end headers only, the body as it came. */
    private Request request(URI target, ForwardedCall call) {
        Request request = client.newRequest(target)
                .method(call.method())
                .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> HopByHopHeaders.forEachEndToEnd(call.headers(), headers::add));
        return call.body().length == 0 ? request : request.body(new BytesRequestContent((String) null, call.body()));
    }
}
