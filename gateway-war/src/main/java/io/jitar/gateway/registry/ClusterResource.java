package io.jitar.gateway.registry;

import io.jitar.gateway.cluster.ClusterView;
import io.jitar.gateway.cluster.WorkerRegistry;
import io.jitar.core.protocol.GatewayPaths;
import io.jitar.gateway.http.JsonSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * {@code GET /cluster}: the read-only cluster view ({@link ClusterView}): every worker's id, name,
 * segments, state, procedures and load, and the number of procedures.
 *
 * <p>Public on purpose, without the trust key: it is what the proxy shows outside the DMZ at
 * {@code /jitar/cluster}. It therefore holds no worker URL, no key and nothing a caller could change
 * the registry with; it changes nothing itself (GET and HEAD only; other methods answer 405). Whatever
 * changes the registry stays in {@link WorkersResource}, behind the trust key, and the proxy routes
 * none of it.
 */
@Path(GatewayPaths.CLUSTER)
@ApplicationScoped
public class ClusterResource {

    @Inject
    WorkerRegistry registry;
    @Inject
    JsonSupport json;
    @Inject
    Clock clock;

    /** The view now; never cached, since load and states change every second. */
    @GET
    public Response view() {
        String body = json.toJson(ClusterView.of(registry.workers(), clock.instant()));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }
}
