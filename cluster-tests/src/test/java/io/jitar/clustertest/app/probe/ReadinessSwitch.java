package io.jitar.clustertest.app.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** An application readiness check a test can switch off, like a database going away. */
@Readiness
@ApplicationScoped
public class ReadinessSwitch implements HealthCheck {

    @Inject
    ReadinessState state;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("switch").status(state.isReady()).build();
    }
}
