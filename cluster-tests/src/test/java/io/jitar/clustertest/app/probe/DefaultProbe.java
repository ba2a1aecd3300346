package io.jitar.clustertest.app.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class DefaultProbe implements Probe {

    @Inject
    @ConfigProperty(name = "jitar.worker.name", defaultValue = "unnamed")
    String name;

    @Inject
    ReadinessState readiness;

    @Override
    public String whoAmI() {
        return name;
    }

    @Override
    public int add(int a, int b) {
        return a + b;
    }

    @Override
    public void setReady(boolean ready) {
        readiness.set(ready);
    }
}
