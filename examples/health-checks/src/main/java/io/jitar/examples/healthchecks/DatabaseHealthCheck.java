package io.jitar.examples.healthchecks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The health check "database", a standard MicroProfile Health readiness check: UP while a
 * connection to the database answers. It sits beside the runtime's own check "jitar-worker" in
 * {@code /health/ready}; the worker is ready (and a gateway routes calls to it) only while every
 * readiness check is UP.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    static final String NAME = "database";

    @Inject
    DatabaseStatus database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(database.isDatabaseAvailable()).build();
    }
}
