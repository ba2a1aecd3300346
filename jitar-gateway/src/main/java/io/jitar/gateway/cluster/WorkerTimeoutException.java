package io.jitar.gateway.cluster;

import io.jitar.errors.JitarException;

import java.time.Duration;
import java.util.Objects;

/**
 * HTTP 504: a worker took the request but did not answer within the gateway's request timeout.
 * The gateway does not retry: the worker may still be running the procedure.
 */
public class WorkerTimeoutException extends JitarException {

    /** Gateway Timeout. */
    public static final int STATUS = 504;

    private final String procedureName;
    private final String workerId;

    /**
     * @param procedureName the procedure that was asked for
     * @param workerId      the worker that did not answer: its {@linkplain PublicWorkerId public id}, not
     *                      its URL, so that callers outside the cluster learn nothing about its topology
     *                      nor its credential
     * @param timeout       the request timeout that expired
     */
    public WorkerTimeoutException(String procedureName, String workerId, Duration timeout) {
        super(STATUS, "Worker " + workerId + " did not answer procedure '" + procedureName + "' within "
                + describe(timeout));
        this.procedureName = Objects.requireNonNull(procedureName, "procedureName");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
    }

    public String procedureName() {
        return procedureName;
    }

    public String workerId() {
        return workerId;
    }

    /** {@code 30s} or {@code 1500ms}: how durations are written in the configuration. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
