package io.jitar.clustertest.app.front;

import io.jitar.clustertest.app.vault.Secret;
import io.jitar.clustertest.app.vault.Vault;
import io.jitar.clustertest.app.vault.VaultSealedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class DefaultFront implements Front {

    @Inject
    Vault vault;

    @Override
    public Secret relay(String label) {
        return vault.reveal(label);
    }

    @Override
    public CompletionStage<String> relayLater(String label) {
        return CompletableFuture.supplyAsync(() -> vault.reveal(label).value());
    }

    @Override
    public String trySeal(String reason) {
        try {
            vault.seal(reason);
            return "not sealed";
        } catch (VaultSealedException e) {
            return "caught " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Override
    public java.util.List<String> traces() {
        String own = io.jitar.tracing.TraceContext.current().map(io.jitar.tracing.TraceContext::traceparent).orElse("none");
        return java.util.List.of(own, vault.traceparent());
    }
}
