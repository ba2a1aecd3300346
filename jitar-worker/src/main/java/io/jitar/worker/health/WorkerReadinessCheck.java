package io.jitar.worker.health;

import io.jitar.worker.extension.ApplicationModel;
import io.jitar.worker.WorkerRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the worker runtime itself: UP once its procedures are registered. Application
 * readiness checks (a database, a queue) sit beside it; a gateway routes to a worker only when
 * all of them are UP.
 */
@Readiness
@ApplicationScoped
public class WorkerReadinessCheck implements HealthCheck {

    static final String NAME = "jitar-worker";

    @Inject
    WorkerRuntime runtime;
    @Inject
    ApplicationModel model;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(runtime.executor() != null)
                .withData("segments", String.join(",", model.runningSegments()))
                .withData("procedures", runtime.executor().registry().procedures().size())
                .build();
    }
}
