package io.jitar.gateway.cluster;

import io.jitar.errors.JitarException;

import java.util.Objects;

/**
 * HTTP 502: the connection to a worker broke after the request was sent, and the procedure is
 * not idempotent, so the gateway did not try another worker: the first one may have run it.
 */
public class WorkerFailedException extends JitarException {

    /** Bad Gateway. */
    public static final int STATUS = 502;

    private final String procedureName;
    private final String workerId;

    /**
     * @param procedureName the procedure that was asked for
     * @param workerId      the worker whose connection broke: its {@linkplain PublicWorkerId public id} (the caller
     *                      may be anyone), not its URL
     */
    public WorkerFailedException(String procedureName, String workerId) {
        super(STATUS, "Worker " + workerId + " failed before answering procedure '" + procedureName
                + "'; not retried because the procedure is not idempotent");
        this.procedureName = Objects.requireNonNull(procedureName, "procedureName");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
    }

    public String procedureName() {
        return procedureName;
    }

    public String workerId() {
        return workerId;
    }
}
