package io.jitar.gateway.registry;

import io.jitar.core.protocol.GatewayPaths;
import io.jitar.core.protocol.RouteTable;
import io.jitar.gateway.cluster.RegisteredWorker;
import io.jitar.gateway.cluster.WorkerRegistry;
import io.jitar.gateway.http.JsonSupport;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The long poll behind {@code GET /workers/routes}: a worker that already has the newest table waits
 * until the registry's routes change (or {@value GatewayPaths#ROUTES_WAIT_SECONDS} s pass), so every
 * worker learns of a change within one network round trip and an idle cluster costs one request per
 * worker per wait. The table is written once per change for all waiting workers, on the
 * container's executor: the registry calls {@link #changed} while it holds its lock.
 */
@ApplicationScoped
public class RouteWatch {

    @Inject
    WorkerRegistry registry;
    @Inject
    JsonSupport json;
    @Inject
    Clock clock;
    @Resource
    ManagedExecutorService executor;

    private final Queue<AsyncResponse> waiting = new ConcurrentLinkedQueue<>();

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        registry.onRoutesChange(this::changed);
    }

    /** Answers {@code response} now if the table is newer than {@code after}, else once it is. */
    void answerWhenNewer(long after, AsyncResponse response) {
        if (registry.routesVersion() != after) {
            response.resume(answer(table()));
            return;
        }
        response.setTimeout(GatewayPaths.ROUTES_WAIT_SECONDS, TimeUnit.SECONDS);
        response.setTimeoutHandler(expired -> {
            waiting.remove(expired);
            expired.resume(answer(table()));
        });
        waiting.add(response);
        if (registry.routesVersion() != after) {
            wakeAll(); // changed while this one was being queued
        }
    }

    private void changed() {
        if (!waiting.isEmpty()) {
            executor.execute(this::wakeAll);
        }
    }

    private void wakeAll() {
        String body = null;
        for (AsyncResponse response = waiting.poll(); response != null; response = waiting.poll()) {
            if (body == null) {
                body = table();
            }
            if (response.isSuspended()) {
                response.resume(answer(body));
            }
        }
    }

    /** The version is read first: a change made while the table is built is answered again next time. */
    String table() {
        long version = registry.routesVersion();
        Instant now = clock.instant();
        List<RouteTable.Route> routes = registry.workers().stream().filter(worker -> worker.isPickableAt(now))
                .map(RouteWatch::route).toList();
        return json.toJson(new RouteTable(version, routes));
    }

    private static RouteTable.Route route(RegisteredWorker worker) {
        List<String> procedures = List.copyOf(worker.procedureNames());
        return new RouteTable.Route(worker.url().toString(), procedures,
                procedures.stream().filter(worker::isIdempotent).toList());
    }

    private static Response answer(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
