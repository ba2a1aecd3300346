package io.jitar.worker.testapp;

import io.jitar.middleware.Middleware;
import io.jitar.middleware.NextHandler;
import io.jitar.middleware.Request;
import io.jitar.middleware.Response;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

/** Runs second: sees what the first one changed. */
@ApplicationScoped
@Priority(20)
public class TracingMiddleware implements Middleware {

    @Override
    public CompletionStage<Response> handle(Request request, NextHandler next) {
        request.setHeader("X-Chain", request.getHeader("X-Chain") + ",tracing");
        return next.handle();
    }
}
