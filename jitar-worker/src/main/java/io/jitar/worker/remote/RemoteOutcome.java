package io.jitar.worker.remote;

import io.jitar.core.insight.CallCounters;

/**
 * One remote call being made, until it is recorded on its edge of the call graph once: its start,
 * and once an answer came, the bytes both ways and the path it took (the sender may fall back from
 * a refused callee worker to the gateway). A call that got no answer counts the path it started on.
 */
final class RemoteOutcome {

    private final CallCounters edge;
    private final boolean startedViaGateway;
    private final long start = System.nanoTime();
    private RemoteAnswer answer;

    RemoteOutcome(CallCounters edge, boolean startedViaGateway) {
        this.edge = edge;
        this.startedViaGateway = startedViaGateway;
    }

    boolean startedViaGateway() {
        return startedViaGateway;
    }

    void answered(RemoteAnswer answer) {
        this.answer = answer;
    }

    void finished(int status) {
        long elapsed = System.nanoTime() - start;
        if (answer == null) {
            edge.recordRemote(elapsed, status, 0, 0, startedViaGateway);
        } else {
            edge.recordRemote(elapsed, status, answer.sentBytes(), answer.receivedBytes(), answer.viaGateway());
        }
    }
}
