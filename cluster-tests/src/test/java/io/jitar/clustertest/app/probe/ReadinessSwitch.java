package io.jitar.clustertest.app.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** An application readiness check a test can switch off, like a database going away. */
@Readiness
@ApplicationScoped
public class ReadinessSwitch implements HealthCheck {

    private final AtomicBoolean ready = new AtomicBoolean(true);

    void set(boolean value) {
        ready.set(value);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("switch").status(ready.get()).build();
    }
}
