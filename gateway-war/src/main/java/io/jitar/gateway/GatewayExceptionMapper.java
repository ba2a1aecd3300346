package io.jitar.gateway;

import io.jitar.core.protocol.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.TreeSet;

/**
 * Whatever a JAX-RS resource of the gateway ({@code /workers}, {@code /jitar/cluster}) did not
 * answer itself (an unknown path, an unsupported method, a failure inside the JAX-RS runtime, an
 * exception thrown by a resource) still gets the JSON error body. {@code /rpc} is a servlet and
 * answers its errors itself ({@link io.jitar.gateway.rpc.RpcErrors}).
 */
@Provider
@ApplicationScoped
public class GatewayExceptionMapper implements ExceptionMapper<Throwable> {

    private static final int METHOD_NOT_ALLOWED = 405;

    @Inject
    ErrorResponses errors;

    @Override
    public Response toResponse(Throwable error) {
        if (!(error instanceof WebApplicationException web) || web.getResponse().getStatus() >= 500) {
            return errors.of(error);
        }
        Response refused = web.getResponse();
        int status = refused.getStatus();
        if (status != METHOD_NOT_ALLOWED) {
            return errors.of(new ErrorBody(status, refused.getStatusInfo().getReasonPhrase(), null));
        }
        TreeSet<String> methods = new TreeSet<>(refused.getAllowedMethods());
        // HEAD comes with GET implicitly and is refused on /rpc: listing it would only mislead.
        methods.remove("HEAD");
        String allowed = String.join(", ", methods);
        return Response.fromResponse(errors.of(new ErrorBody(status, "Method not allowed; use " + allowed, null)))
                .header("Allow", allowed)
                .build();
    }
}
