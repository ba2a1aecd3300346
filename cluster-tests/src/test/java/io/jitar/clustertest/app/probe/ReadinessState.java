package io.jitar.clustertest.app.probe;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the worker should say it is ready; switched by the probe procedure setReady. */
@ApplicationScoped
public class ReadinessState {

    private final AtomicBoolean ready = new AtomicBoolean(true);

    boolean isReady() {
        return ready.get();
    }

    void set(boolean value) {
        ready.set(value);
    }
}
