package io.jitar.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Makes the validated {@link GatewaySettings} injectable. */
@ApplicationScoped
public class SettingsProducer {

    @Inject
    GatewayConfigCheck check;

    // Dependent: the settings are an immutable record that a normal scope could not proxy.
    @Produces
    @Dependent
    GatewaySettings settings() {
        return check.settings();
    }
}
