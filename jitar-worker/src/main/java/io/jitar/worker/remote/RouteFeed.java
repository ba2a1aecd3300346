package io.jitar.worker.remote;

import io.jitar.core.protocol.GatewayPaths;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.core.protocol.RouteTable;
import jakarta.json.bind.Jsonb;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Keeps {@link DirectRoutes} current by long-polling the gateway's {@code GET /workers/routes}:
 * one request waits at the gateway until the routes change, the answer goes into the table, and
 * the next request is sent at once; an idle cluster costs one request per worker per
 * {@value GatewayPaths#ROUTES_WAIT_SECONDS} s. While the gateway cannot be reached the last table
 * stays in use (callees that refuse connections are skipped) and asking again backs off from
 * 0.5 to 5 s. A gateway without the endpoint (a 404 that is not Payara's HTML page of an
 * application still deploying: the original Jitar's) is asked again once a minute; meanwhile
 * every call goes through it. With several gateways the feed follows the current one of
 * {@link Gateways}: a gateway it cannot reach makes the next one current, and is asked at once for
 * its whole table (route versions are each gateway's own count, so none is carried over).
 */
final class RouteFeed {

    private static final Logger LOG = Logger.getLogger(RouteFeed.class.getName());
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(5);
    /** How often a gateway without the endpoint is asked again (it may be replaced by ours). */
    static final Duration NO_ROUTES_RETRY = Duration.ofSeconds(60);
    private static final int MAX_TABLE_BYTES = 16 * 1024 * 1024;

    private final HttpClient client;
    private final Gateways gateways;
    private final String trustKey;
    private final Jsonb jsonb;
    private final DirectRoutes routes;
    private final ScheduledExecutorService timer;

    private volatile boolean stopped;
    private volatile Request current;
    private Duration retry = FIRST_RETRY;
    private String lastProblem;
    private boolean toldNoRoutes;
    /** The gateway whose table the feed holds: only its versions mean anything to it. */
    private volatile URI versionsOf;
    /** Gateways moved on to at once since the last table or back-off (answers come one at a time). */
    private int failovers;

    RouteFeed(HttpClient client, Gateways gateways, String trustKey, Jsonb jsonb, DirectRoutes routes, ScheduledExecutorService timer) {
        this.client = client;
        this.gateways = gateways;
        this.trustKey = trustKey;
        this.jsonb = jsonb;
        this.routes = routes;
        this.timer = timer;
    }

    void start() {
        poll(-1);
    }

    void stop() {
        stopped = true;
        Request request = current;
        if (request != null) {
            request.abort(new IllegalStateException("the worker is stopping"));
        }
    }

    private void poll(long known) {
        if (stopped) {
            return;
        }
        URI gateway = gateways.current();
        long after = gateway.equals(versionsOf) ? known : -1;
        URI uri = GatewayUrls.below(gateway, GatewayPaths.ROUTES + (after < 0 ? "" : "?after=" + after));
        Request request = client.newRequest(uri).timeout(GatewayPaths.ROUTES_WAIT_SECONDS + 10L, TimeUnit.SECONDS);
        if (trustKey != null) {
            request.headers(headers -> headers.put(JitarHeaders.TRUST_KEY, trustKey));
        }
        current = request;
        request.send(new BufferingResponseListener(MAX_TABLE_BYTES) {
            @Override
            public void onComplete(Result result) {
                try {
                    String body = result.isFailed() ? null : getContentAsString();
                    answered(gateway, after, result, body == null ? "" : body);
                } catch (RuntimeException e) {
                    // The feed must outlive any surprise in one answer: ask again later.
                    retryLater(after, "the gateway's answer could not be handled (" + describe(e) + ")");
                }
            }
        });
    }

    private void answered(URI gateway, long after, Result result, String body) {
        if (stopped) {
            return;
        }
        if (result.isFailed()) {
            // The next gateway at once, but each only once in a row: with all of them down, back off.
            if (failovers < gateways.size() - 1 && !gateways.failed(gateway).equals(gateway)) {
                failovers++;
                poll(-1);
                return;
            }
            failovers = 0;
            retryLater(after, "the gateway could not be reached (" + describe(result.getFailure()) + ")");
            return;
        }
        int status = result.getResponse().getStatus();
        String type = result.getResponse().getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (status == 404 && (type == null || !type.startsWith("text/html"))) {
            // Not Payara's HTML page of a gateway still deploying: a gateway without the endpoint.
            if (!toldNoRoutes) {
                toldNoRoutes = true;
                LOG.info(() -> "Gateway " + gateway + " has no " + GatewayPaths.ROUTES + " (an original Jitar gateway?): "
                        + "remote calls go through it; asking again every " + NO_ROUTES_RETRY.toSeconds() + " s");
            }
            schedule(after, NO_ROUTES_RETRY);
            return;
        }
        if (status != 200) {
            retryLater(after, "the gateway answered " + status + ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
            return;
        }
        RouteTable table;
        try {
            table = jsonb.fromJson(body, RouteTable.class);
        } catch (RuntimeException e) {
            retryLater(after, "the gateway's route table could not be read: " + e);
            return;
        }
        routes.update(table);
        versionsOf = gateway;
        failovers = 0;
        retry = FIRST_RETRY;
        lastProblem = null;
        LOG.fine(() -> "Routes version " + table.version() + ": " + table.workers().size() + " workers");
        poll(table.version());
    }

    private void retryLater(long after, String problem) {
        // Said once per distinct problem: a gateway that is down for minutes must not fill the log.
        Level level = problem.equals(lastProblem) ? Level.FINE : Level.WARNING;
        lastProblem = problem;
        LOG.log(level, () -> "Direct-call routes not updated: " + problem + "; the last known routes stay in use");
        Duration wait = retry;
        retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        schedule(after, wait);
    }

    /** Short and the same for the same fault, so that repeats are recognized (Jetty's messages name connection ids). */
    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message != null && message.length() <= 80 ? ": " + message : "");
    }

    private void schedule(long after, Duration wait) {
        try {
            timer.schedule(() -> poll(after), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopped = true; // the container is shutting down its scheduler
        }
    }
}
