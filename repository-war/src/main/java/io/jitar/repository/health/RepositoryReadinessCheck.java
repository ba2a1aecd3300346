package io.jitar.repository.health;

import io.jitar.repository.RepositoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@value #NAME} is UP once the repository read its settings and found its asset root. */
@Readiness
@ApplicationScoped
public class RepositoryReadinessCheck implements HealthCheck {

    public static final String NAME = "jitar-repository";

    @Inject
    RepositoryService repository;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(repository.isStarted()).build();
    }
}
