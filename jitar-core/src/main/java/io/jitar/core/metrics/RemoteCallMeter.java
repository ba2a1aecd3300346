package io.jitar.core.metrics;

/**
 * The metrics of the remote calls on one edge of the call graph (caller procedure to callee
 * procedure in another process), made once when the edge is first used.
 */
public interface RemoteCallMeter {

    /**
     * One remote call ended after {@code nanos} with {@code status} (200 for a success), having sent
     * and received the given body bytes, directly to a callee worker or through the gateway.
     */
    void record(long nanos, int status, long sentBytes, long receivedBytes, boolean viaGateway);
}
