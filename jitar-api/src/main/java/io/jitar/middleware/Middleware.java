package io.jitar.middleware;

import java.util.concurrent.CompletionStage;

/**
 * Wraps every RPC that reaches the service it is deployed in (worker or gateway). An application
 * provides one as a CDI bean implementing this interface; {@code @jakarta.annotation.Priority}
 * orders them (lower runs first, outermost).
 *
 * <p>A middleware may read and change the request's arguments and headers before calling
 * {@code next.handle()}, and the response after. Offer an argument only to procedures that
 * declare it by prefixing its name with {@code *}: {@code request.setArgument("*user", user)}.
 *
 * <pre>{@code
 * public CompletionStage<Response> handle(Request request, NextHandler next) {
 *     return next.handle().thenApply(response -> {
 *         response.setHeader("X-Served-By", "me");
 *         return response;
 *     });
 * }
 * }</pre>
 */
public interface Middleware {

    CompletionStage<Response> handle(Request request, NextHandler next);
}
