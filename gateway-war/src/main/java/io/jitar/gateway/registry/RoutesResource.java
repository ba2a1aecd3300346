package io.jitar.gateway.registry;

import io.jitar.core.protocol.GatewayPaths;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.errors.BadRequestException;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code GET /workers/routes?after=N}: which workers take requests now, with their URLs, so that
 * workers call each other directly ({@code jitar.worker.remote-calls=direct}); long-polled through
 * {@link RouteWatch}. Needs the trust key like the worker list: it holds the workers' URLs.
 */
@Path(GatewayPaths.ROUTES)
@ApplicationScoped
public class RoutesResource {

    static final String AFTER = "after";

    @Inject
    GatewaySettings settings;
    @Inject
    RouteWatch watch;

    /** {@code after}: the version the caller has; absent for none. Any other parameter is a 400. */
    @GET
    public void routes(@HeaderParam(JitarHeaders.TRUST_KEY) String key, @Context UriInfo uri,
                       @Suspended AsyncResponse response) {
        TrustKeyCheck.require(settings.trustKey(), key, "read the routes");
        watch.answerWhenNewer(after(uri), response);
    }

    private static long after(UriInfo uri) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!AFTER.equals(name)) {
                throw new BadRequestException("Unknown query parameter '" + name + "'; expected only '" + AFTER + "'");
            }
        }
        List<String> values = uri.getQueryParameters().get(AFTER);
        if (values == null) {
            return -1;
        }
        if (values.size() != 1 || !values.get(0).matches("[0-9]{1,18}")) {
            throw new BadRequestException("'" + AFTER + "' must be one version number (0 or more), got " + values);
        }
        return Long.parseLong(values.get(0));
    }
}
