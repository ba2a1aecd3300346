package io.jitar.worker.rpc;

import io.jitar.worker.config.WorkerSettings;
import io.jitar.core.execution.RunMode;
import io.jitar.core.insight.CallGraph;
import io.jitar.core.protocol.EncodedResponse;
import io.jitar.core.protocol.JitarHeaders;
import io.jitar.middleware.Request;
import io.jitar.worker.WorkerRuntime;
import io.jitar.worker.trace.CallTraces;
import io.jitar.tracing.TraceContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@code GET|POST|OPTIONS /rpc/{fqn}}: runs a procedure (OPTIONS only validates the arguments).
 * Asynchronous end to end: a procedure returning a {@code CompletionStage} frees the request
 * thread until it completes.
 */
@Path("{fqn: .*}")
@ApplicationScoped
public class RpcResource {

    /** Names the worker that served a call, when {@code jitar.worker.name} is set. */
    public static final String WORKER_HEADER = "X-Jitar-Worker";

    @Inject
    WorkerRuntime runtime;
    @Inject
    WorkerSettings settings;
    @Inject
    InFlightRequests inFlight;
    @Inject
    CallGraph graph;
    @Inject
    CallTraces traces;

    private RpcRequests requests;

    @PostConstruct
    void prepare() {
        requests = new RpcRequests(Json.createReaderFactory(Map.of()), settings.maxBodySize());
    }

    @GET
    public CompletionStage<Response> get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return run(RunMode.NORMAL, headers, () -> RpcRequests.request(fqn(uri), headers, RpcRequests.queryArguments(uri.getQueryParameters())));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> post(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return run(RunMode.NORMAL, headers, () -> RpcRequests.request(fqn(uri), headers, requests.bodyArguments(headers, body)));
    }

    /** Dry run: arguments from the body when there is one, else from the query. */
    @OPTIONS
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> options(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return run(RunMode.DRY, headers, () -> {
            Map<String, Object> arguments = requests.bodyArguments(headers, body);
            if (arguments.isEmpty()) {
                arguments = RpcRequests.queryArguments(uri.getQueryParameters());
            }
            return RpcRequests.request(fqn(uri), headers, arguments);
        });
    }

    private static String fqn(UriInfo uri) {
        String path = uri.getPath(false);
        int start = path.startsWith("/") ? 1 : 0;
        return RpcRequests.fqn(path.substring(start));
    }

    private CompletionStage<Response> run(RunMode mode, HttpHeaders headers, Supplier<Request> request) {
        Request parsed;
        try {
            parsed = request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(toHttp(runtime.encoder().error(e)));
        }
        inFlight.started();
        // The call graph counts a call made by a procedure in another process apart from clients' calls.
        int previous = graph.markRpc(parsed.getHeader(JitarHeaders.CALLER) != null);
        // Remote calls the procedure makes on this thread carry the call's trace on.
        TraceContext previousTrace = TraceContext.enter(traces.of(headers, parsed.fqn()));
        CompletionStage<io.jitar.middleware.Response> result;
        try {
            result = runtime.executor().run(parsed, mode);
        } finally {
            graph.restore(previous);
            TraceContext.restore(previousTrace);
        }
        return result
                .thenApply(response -> toHttp(runtime.encoder().encode(response), settings.name().orElse(null)))
                .whenComplete((response, error) -> inFlight.finished());
    }

    static Response toHttp(EncodedResponse encoded) {
        return toHttp(encoded, null);
    }

    static Response toHttp(EncodedResponse encoded, String workerName) {
        Response.ResponseBuilder builder = Response.status(encoded.status())
                .type(encoded.contentType())
                .header(JitarHeaders.CONTENT_TYPE, encoded.jitarContentType())
                .header("X-Content-Type-Options", "nosniff");
        encoded.headers().forEach(builder::header);
        if (workerName != null) {
            builder.header(WORKER_HEADER, workerName);
        }
        return builder.entity(encoded.body()).build();
    }
}
