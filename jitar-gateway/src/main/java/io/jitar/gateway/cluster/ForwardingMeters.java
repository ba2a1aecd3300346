package io.jitar.gateway.cluster;

import io.jitar.core.http.ForwardingFailure;

/**
 * What the forwarder reports of each attempt to pass a call to one worker, for the gateway's
 * metrics. The forwarder knows no metrics library; the gateway WAR answers with MicroProfile
 * Metrics. Called on the forwarding client's threads: it must not block.
 */
@FunctionalInterface
public interface ForwardingMeters {

    /** Metrics off. */
    ForwardingMeters NONE = (procedure, worker, nanos, failure, retried) -> {
    };

    /**
     * One attempt ended after {@code nanos}: answered by {@code worker} ({@code failure} null,
     * whatever the answer's status) or failed; {@code retried} when the call then went on to
     * another worker.
     */
    void attempted(String procedure, RegisteredWorker worker, long nanos, ForwardingFailure failure, boolean retried);
}
