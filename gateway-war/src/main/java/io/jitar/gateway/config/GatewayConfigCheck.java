package io.jitar.gateway.config;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and validates the gateway's configuration while the WAR is deployed. A wrong value is a
 * deployment problem: the deployment fails with a message naming the key, and {@code /health}
 * says DOWN, instead of the gateway starting and failing on the first request.
 *
 * <p>Registered in {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class GatewayConfigCheck implements Extension {

    private volatile GatewaySettings settings;

    void validate(@Observes AfterDeploymentValidation event) {
        try {
            settings = GatewaySettings.from(ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()));
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(new IllegalArgumentException("Jitar gateway configuration: " + e.getMessage(), e));
        }
    }

    /**
     * The validated settings.
     *
     * @throws IllegalStateException before validation or after it failed (the WAR is then not deployed)
     */
    public GatewaySettings settings() {
        GatewaySettings validated = settings;
        if (validated == null) {
            throw new IllegalStateException("The gateway configuration has not been validated");
        }
        return validated;
    }
}
