package io.jitar.gateway.cluster;

import io.jitar.errors.JitarException;

import java.util.Objects;

/**
 * HTTP 503: workers offer this procedure, but none can take a request now (starting,
 * unavailable, stopping or marked down). Unlike a 404, retrying later may succeed.
 */
public class NoWorkerAvailableException extends JitarException {

    /** Service Unavailable. */
    public static final int STATUS = 503;

    private final String procedureName;

    public NoWorkerAvailableException(String procedureName) {
        super(STATUS, "No worker available for procedure '" + procedureName + "'");
        this.procedureName = Objects.requireNonNull(procedureName, "procedureName");
    }

    /** With the reason appended, e.g. when every candidate failed during one request. */
    public NoWorkerAvailableException(String procedureName, String reason) {
        super(STATUS, "No worker available for procedure '" + procedureName + "': " + reason);
        this.procedureName = Objects.requireNonNull(procedureName, "procedureName");
    }

    public String procedureName() {
        return procedureName;
    }
}
