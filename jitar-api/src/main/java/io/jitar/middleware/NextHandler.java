package io.jitar.middleware;

import java.util.concurrent.CompletionStage;

/** The rest of the chain: the next middleware, and finally the procedure itself. */
@FunctionalInterface
public interface NextHandler {

    CompletionStage<Response> handle();
}
