package io.jitar.clustertest.app.vault;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class DefaultVault implements Vault {

    @Inject
    @ConfigProperty(name = "jitar.worker.name", defaultValue = "unnamed")
    String name;

    @Override
    public Secret reveal(String label) {
        return new Secret(label, "value-of-" + label, name, LocalDate.of(2024, 2, 29), List.of("a", "b"));
    }

    @Override
    public void seal(String reason) {
        throw new VaultSealedException("sealed: " + reason);
    }

    @Override
    public String traceparent() {
        return io.jitar.tracing.TraceContext.current().map(io.jitar.tracing.TraceContext::traceparent).orElse("none");
    }
}
