package io.jitar.worker.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the RPC requests being handled, so that a stopping worker can drain them. Thread-safe. */
@ApplicationScoped
public class InFlightRequests {

    private final AtomicInteger count = new AtomicInteger();

    void started() {
        count.incrementAndGet();
    }

    void finished() {
        count.decrementAndGet();
    }

    public int count() {
        return count.get();
    }
}
