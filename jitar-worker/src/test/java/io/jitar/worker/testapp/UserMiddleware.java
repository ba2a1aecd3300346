package io.jitar.worker.testapp;

import io.jitar.middleware.Middleware;
import io.jitar.middleware.NextHandler;
import io.jitar.middleware.Request;
import io.jitar.middleware.Response;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/** Runs first: offers a {@code *user} argument and records its place in the chain. */
@ApplicationScoped
@Priority(10)
public class UserMiddleware implements Middleware {

    @Override
    public CompletionStage<Response> handle(Request request, NextHandler next) {
        request.setArgument("*user", "middleware-user");
        request.setHeader("X-Chain", "user");
        return next.handle().thenApply(response -> {
            response.setHeader("X-Chain", request.getHeader("X-Chain") + ",user-after");
            return response;
        });
    }
}
