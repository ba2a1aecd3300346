package io.jitar.gateway.rpc;

import io.jitar.core.gateway.ForwardedCall;
import io.jitar.core.gateway.HopByHopHeaders;
import io.jitar.gateway.ErrorResponses;
import io.jitar.gateway.RequestBodies;
import io.jitar.gateway.config.GatewaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET|POST|OPTIONS /rpc/{fqn}}: forwards the request to a worker of the procedure and
 * returns the worker's answer unchanged (status, end-to-end headers, body bytes). Arguments are
 * never parsed here: the worker validates them. Asynchronous: no request thread waits for a
 * worker. Errors of the gateway itself (unknown procedure 404, no worker 503, failed worker 502,
 * timeout 504, bad name 400, body too large 413) are JSON error bodies.
 */
@Path("rpc")
@ApplicationScoped
public class RpcResource {

    @Inject
    ForwardingClient forwarding;
    @Inject
    GatewaySettings settings;
    @Inject
    ErrorResponses errors;

    @GET
    @Path("{fqn: .*}")
    public CompletionStage<Response> get(@Encoded @PathParam("fqn") String fqn, @Context UriInfo uri,
                                         @Context HttpHeaders headers) {
        return forward("GET", fqn, uri, headers, null);
    }

    @POST
    @Path("{fqn: .*}")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> post(@Encoded @PathParam("fqn") String fqn, @Context UriInfo uri,
                                          @Context HttpHeaders headers, InputStream body) {
        return forward("POST", fqn, uri, headers, body);
    }

    /** The dry run of the protocol: the worker validates the arguments without running the procedure. */
    @OPTIONS
    @Path("{fqn: .*}")
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> options(@Encoded @PathParam("fqn") String fqn, @Context UriInfo uri,
                                             @Context HttpHeaders headers, InputStream body) {
        return forward("OPTIONS", fqn, uri, headers, body);
    }

    /** JAX-RS would answer HEAD with the GET method and run the procedure; the protocol has no HEAD. */
    @HEAD
    @Path("{fqn: .*}")
    public Response head() {
        throw new NotAllowedException("GET", new String[] {"POST", "OPTIONS"});
    }

    private CompletionStage<Response> forward(String method, String rawFqn, UriInfo uri, HttpHeaders headers,
                                              InputStream body) {
        ForwardedCall call;
        try {
            byte[] bytes = body == null ? null : RequestBodies.read(headers, body, settings.maxBodySize());
            call = new ForwardedCall(ProcedureNames.fqn(rawFqn), method, uri.getRequestUri().getRawQuery(),
                    headers.getRequestHeaders(), bytes);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(errors.of(e));
        }
        return forwarding.forwarder().forward(call)
                .handle((answer, error) -> error == null ? relay(answer) : errors.of(error));
    }

    /** The worker's answer as it came, minus the headers of the gateway's own connection to it. */
    private static Response relay(HttpResponse<byte[]> answer) {
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        HopByHopHeaders.forEachEndToEnd(answer.headers().map(), response::header);
        return response.entity(answer.body()).build();
    }
}
