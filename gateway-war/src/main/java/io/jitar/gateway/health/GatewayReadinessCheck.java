package io.jitar.gateway.health;

import io.jitar.gateway.cluster.RegisteredWorker;
import io.jitar.gateway.cluster.WorkerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import io.jitar.gateway.registry.GridStatus;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the gateway: UP once it is deployed, since it can take registrations from then
 * on. It stays UP without workers (they register with a ready gateway); the data tell operators
 * how many are registered and how many take requests. A gateway told to share its registry in the
 * data grid ({@code jitar.gateway.registry=grid}) is DOWN, with the reason, while it has no grid:
 * it would serve a registry the other gateways do not share. With the grid, {@code gridMembers}
 * says how many gateways share it.
 */
@Readiness
@ApplicationScoped
public class GatewayReadinessCheck implements HealthCheck {

    static final String NAME = "jitar-gateway";

    @Inject
    WorkerRegistry registry;
    @Inject
    Clock clock;
    @Inject
    GridStatus grid;

    @Override
    public HealthCheckResponse call() {
        List<RegisteredWorker> workers = registry.workers();
        Instant now = clock.instant();
        long available = workers.stream().filter(worker -> worker.isPickableAt(now)).count();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME)
                .withData("workers", workers.size())
                .withData("availableWorkers", available)
                .withData("registry", grid.isShared() ? "grid" : "local");
        if (grid.isShared()) {
            answer.withData("gridMembers", grid.members());
        }
        Optional<String> problem = grid.problem();
        problem.ifPresent(message -> answer.withData("problem", message));
        return answer.status(problem.isEmpty()).build();
    }
}
