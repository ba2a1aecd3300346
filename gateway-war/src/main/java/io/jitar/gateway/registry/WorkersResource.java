package io.jitar.gateway.registry;

import io.jitar.gateway.cluster.RegisteredWorker;
import io.jitar.gateway.cluster.WorkerRegistry;
import io.jitar.core.protocol.WorkerReport;
import io.jitar.core.protocol.WorkerState;
import io.jitar.core.protocol.GatewayPaths;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.core.protocol.RegistrationAnswer;
import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.errors.BadRequestException;
import io.jitar.gateway.http.JsonSupport;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The registry API workers talk to, compatible with the original Jitar:
 * {@code POST /workers} registers, {@code POST /workers/{id}/report} reports a state,
 * {@code DELETE /workers/{id}} deregisters; {@code GET /workers} lists the workers for operators,
 * with their URLs. When the gateway has a trust key, every one of them requires it, except that a
 * report or removal may instead name a registered id without any key, as the original's workers
 * send them (see {@link TrustKeyCheck}). The public, read-only view without URLs is {@link ClusterResource}.
 */
@Path(GatewayPaths.WORKERS)
@ApplicationScoped
public class WorkersResource {

    private static final Logger LOG = Logger.getLogger(WorkersResource.class.getName());

    @Inject
    WorkerRegistry registry;
    @Inject
    GatewaySettings settings;
    @Inject
    RegistrationBodies bodies;
    @Inject
    JsonSupport json;
    @Inject
    Clock clock;
    @Inject
    GridStatus grid;

    /**
     * {@code {url, procedureNames, idempotentProcedureNames?, trustKey?, name?, segments?}} → 200
     * {@code {"id": ...}}. {@code name} and every segment must be 1 to 64 characters of
     * {@code [A-Za-z0-9_.-]}, else 400 naming the field; a registration without them is fine.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response register(@Context HttpHeaders headers, InputStream body) {
        JsonObject object = bodies.object(headers, body);
        // The key first: a caller without it learns nothing about what else is wrong.
        TrustKeyCheck.requireForRegistration(settings.trustKey(), RegistrationBodies.trustKey(object),
                headers.getHeaderString(JitarHeaders.TRUST_KEY));
        WorkerRegistration registration = RegistrationBodies.registration(object);
        grid.requireGridIfShared();
        RegisteredWorker worker = registry.register(url(registration.url()), set(registration.procedureNames()),
                set(registration.idempotentProcedureNames()), registration.name(), set(registration.segments()));
        LOG.info(() -> "Registered worker " + worker.id() + worker.name().map(name -> " (" + name + ")").orElse("")
                + " at " + worker.url() + " for " + worker.procedureNames().size() + " procedures");
        return ok(json.toJson(new RegistrationAnswer(worker.id())));
    }

    /** {@code {state}}, one of starting, available, unavailable, stopping, stopped → 204. */
    @POST
    @Path("{id}/report")
    @Consumes(MediaType.WILDCARD)
    public Response report(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        TrustKeyCheck.requireForWorker(settings.trustKey(), headers.getHeaderString(JitarHeaders.TRUST_KEY),
                registry.find(id).isPresent(), "report a worker's state");
        WorkerReport report = RegistrationBodies.report(bodies.object(headers, body));
        WorkerState state = WorkerState.parse(report.state());
        registry.report(id, state);
        if (report.directCalls() != null) {
            countDirectCalls(report.directCalls());
        }
        return Response.noContent().build();
    }

    /** Deregisters a worker → 204; it gets no more requests. */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id, @HeaderParam(JitarHeaders.TRUST_KEY) String key) {
        TrustKeyCheck.requireForWorker(settings.trustKey(), key, registry.find(id).isPresent(), "remove a worker");
        registry.remove(id);
        LOG.info(() -> "Removed worker " + id);
        return Response.noContent().build();
    }

    /** All registered workers with their state now, in registration order. */
    @GET
    public Response list(@HeaderParam(JitarHeaders.TRUST_KEY) String key) {
        TrustKeyCheck.require(settings.trustKey(), key, "list the workers");
        Instant now = clock.instant();
        List<WorkerView> workers = registry.workers().stream().map(worker -> WorkerView.of(worker, now)).toList();
        return ok(json.toJson(workers));
    }

    /** Adds what a worker sent other workers directly to their load; URLs of no registered worker are ignored. */
    private void countDirectCalls(Map<String, Long> callsByUrl) {
        for (RegisteredWorker worker : registry.workers()) {
            Long calls = callsByUrl.get(worker.url().toString());
            if (calls != null) {
                worker.load().recordDirect(calls);
            }
        }
    }

    private static URI url(String text) {
        try {
            return text == null ? null : new URI(text);
        } catch (URISyntaxException e) {
            throw new BadRequestException("url must be an absolute http(s) URL, got '" + text + "'");
        }
    }

    private static Set<String> set(List<String> names) {
        return names == null ? null : new LinkedHashSet<>(names);
    }

    private static Response ok(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
