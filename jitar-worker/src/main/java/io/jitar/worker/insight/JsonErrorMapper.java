package io.jitar.worker.insight;

import io.jitar.core.protocol.ErrorBody;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever the views at {@code /jitar} did not answer themselves (an unknown path, an unsupported
 * method, a failure inside the JAX-RS runtime) still gets a short JSON error, never an HTML page
 * or a stack trace.
 */
@Provider
public class JsonErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(JsonErrorMapper.class.getName());


    @Override
    public Response toResponse(Throwable error) {
        ErrorBody body = body(error);
        return Response.status(body.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Allow", body.status() == 405 ? "GET, POST, OPTIONS" : null)
                .entity(body.json())
                .build();
    }

    private static ErrorBody body(Throwable error) {
        if (error instanceof NotAllowedException) {
            return new ErrorBody(405, "Method not allowed: use GET, POST or OPTIONS", null);
        }
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return new ErrorBody(status, web.getResponse().getStatusInfo().getReasonPhrase(), null);
        }
        LOG.log(Level.WARNING, "Insight request failed", error);
        return new ErrorBody(500, "Internal server error", null);
    }
}
