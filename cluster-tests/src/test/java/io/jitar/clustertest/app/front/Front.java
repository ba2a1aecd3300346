package io.jitar.clustertest.app.front;

import io.jitar.clustertest.app.vault.Secret;
import java.util.concurrent.CompletionStage;

/** Public procedures that call the protected vault segment, wherever it runs. */
public interface Front {

    Secret relay(String label);

    CompletionStage<String> relayLater(String label);

    String trySeal(String reason);

    /** The traceparent this worker sees, then the one the vault saw in a nested remote call. */
    java.util.List<String> traces();
}
