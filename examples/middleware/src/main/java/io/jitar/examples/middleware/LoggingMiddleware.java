package io.jitar.examples.middleware;

import io.jitar.middleware.Middleware;
import io.jitar.middleware.NextHandler;
import io.jitar.middleware.Request;
import io.jitar.middleware.Response;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * The outermost middleware (lowest priority number): it sees the final answer of every call, logs
 * the procedure and its result, and marks the response with a header.
 */
@ApplicationScoped
@Priority(10)
public class LoggingMiddleware implements Middleware {

    /** The response header this middleware adds to every answer. */
    public static final String HEADER = "X-Logged-By";

    private static final Logger LOG = Logger.getLogger(LoggingMiddleware.class.getName());

    @Override
    public CompletionStage<Response> handle(Request request, NextHandler next) {
        // Change the request here (for example add a header) before passing it on.
        return next.handle().thenApply(response -> {
            // Change the response here.
            LOG.info(() -> "Logging result for " + request.fqn() + " --> " + response.result());
            response.setHeader(HEADER, "LoggingMiddleware");
            return response;
        });
    }
}
