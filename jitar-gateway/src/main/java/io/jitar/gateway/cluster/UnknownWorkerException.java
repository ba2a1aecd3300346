package io.jitar.gateway.cluster;

import io.jitar.errors.NotFoundException;

import java.util.Objects;

/** HTTP 404: no worker is registered with this id, e.g. it was removed after falling silent. */
public class UnknownWorkerException extends NotFoundException {

    private final String workerId;

    public UnknownWorkerException(String workerId) {
        super("Unknown worker '" + workerId + "'");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
    }

    public String workerId() {
        return workerId;
    }
}
