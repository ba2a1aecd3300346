package io.jitar.examples.middleware;

import io.jitar.middleware.Middleware;
import io.jitar.middleware.NextHandler;
import io.jitar.middleware.Request;
import io.jitar.middleware.Response;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/** Sends callers of {@code redirect} on to {@code ping}: a {@code Location} header makes the answer a 302. */
@ApplicationScoped
@Priority(20)
public class RedirectMiddleware implements Middleware {

    @Override
    public CompletionStage<Response> handle(Request request, NextHandler next) {
        return next.handle().thenApply(response -> {
            if ("redirect".equals(request.fqn())) {
                response.setHeader("Location", "/rpc/ping");
            }
            return response;
        });
    }
}
