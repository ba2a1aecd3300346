package io.jitar.gateway;

import io.jitar.core.protocol.ErrorBody;
import io.jitar.core.protocol.ErrorMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error answer of the gateway: an {@link ErrorBody} as {@code application/json}, never an
 * HTML page or a stack trace. Status and message come from {@link ErrorMapping}, the one place
 * that maps exceptions to HTTP.
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    /** The answer for {@code error}; unexpected failures are logged, since their details stay here. */
    public Response of(Throwable error) {
        if (!ErrorMapping.isExposed(error)) {
            LOG.log(Level.WARNING, "Request failed unexpectedly", ErrorMapping.unwrap(error));
        }
        return of(ErrorMapping.bodyOf(error));
    }

    public Response of(ErrorBody body) {
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body.json()).build();
    }
}
