package io.jitar.gateway.health;

import io.jitar.gateway.cluster.RegisteredWorker;
import io.jitar.gateway.cluster.WorkerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the gateway: UP once it is deployed, since it can take registrations from then
 * on. It stays UP without workers (they register with a ready gateway); the data tell operators
 * how many are registered and how many take requests.
 */
@Readiness
@ApplicationScoped
public class GatewayReadinessCheck implements HealthCheck {

    static final String NAME = "jitar-gateway";

    @Inject
    WorkerRegistry registry;
    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        List<RegisteredWorker> workers = registry.workers();
        Instant now = clock.instant();
        long available = workers.stream().filter(worker -> worker.isPickableAt(now)).count();
        return HealthCheckResponse.named(NAME)
                .up()
                .withData("workers", workers.size())
                .withData("availableWorkers", available)
                .build();
    }
}
