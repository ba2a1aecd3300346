package io.jitar.worker.remote;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Stops hammering a gateway that cannot be reached: after 6 of 8 blocking calls through the
 * gateway failed with {@link GatewayUnavailableException}, calls fail at once for 2 s. Only calls
 * that start on the gateway path pass through it; a direct call has its own failover (a callee
 * that refused is marked down), and the Fault Tolerance interceptor costs ~11% of a calling
 * worker's CPU per call (plus ~8% for its request context) in benchmarks/split-cost.sh.
 */
@ApplicationScoped
public class GatewayBreaker {

    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 2000, failOn = GatewayUnavailableException.class)
    public <T> T call(Supplier<T> gatewayCall) {
        return gatewayCall.get();
    }
}
