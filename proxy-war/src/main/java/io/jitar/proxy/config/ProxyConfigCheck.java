package io.jitar.proxy.config;

import io.jitar.proxy.routing.ProxySettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and validates the proxy's settings while the WAR is deployed: a missing or wrong value
 * becomes a CDI deployment problem naming the key, so the deployment fails (and {@code /health}
 * says DOWN) instead of the first request failing. The settings it read are the ones the proxy
 * runs with ({@link #settings()}).
 */
public class ProxyConfigCheck implements Extension {

    private volatile ProxySettings settings;

    void validate(@Observes AfterDeploymentValidation event) {
        Config config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        try {
            settings = ProxySettings.from(key -> config.getOptionalValue(key, String.class));
        } catch (IllegalArgumentException e) {
            event.addDeploymentProblem(new IllegalStateException("Jitar proxy configuration: " + e.getMessage(), e));
        }
    }

    /** The validated settings; only beans use it, and beans exist only after a valid deployment. */
    public ProxySettings settings() {
        if (settings == null) {
            throw new IllegalStateException("The proxy's settings were not validated");
        }
        return settings;
    }
}
