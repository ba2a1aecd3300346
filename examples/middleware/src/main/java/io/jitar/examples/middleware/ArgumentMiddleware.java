package io.jitar.examples.middleware;

import io.jitar.middleware.Middleware;
import io.jitar.middleware.NextHandler;
import io.jitar.middleware.Request;
import io.jitar.middleware.Response;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/**
 * Offers the argument {@code name = "John Doe"} to every call. The {@code *} prefix makes it
 * optional: it is passed only to procedures that declare a parameter {@code name} (here
 * {@code hello}), is dropped for the others, and gives way to a {@code name} the caller sent.
 */
@ApplicationScoped
@Priority(30)
public class ArgumentMiddleware implements Middleware {

    @Override
    public CompletionStage<Response> handle(Request request, NextHandler next) {
        request.setArgument("*name", "John Doe");
        return next.handle();
    }
}
