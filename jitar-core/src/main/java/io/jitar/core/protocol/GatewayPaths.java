package io.jitar.core.protocol;

/** Paths of a gateway's registry API and of its read-only cluster view. */
public final class GatewayPaths {

    public static final String WORKERS = "workers";

    /** {@code GET /cluster}: the read-only cluster view, without URLs; public. */
    public static final String CLUSTER = "cluster";

    private GatewayPaths() {
    }

    public static String report(String workerId) {
        return WORKERS + "/" + workerId + "/report";
    }

    public static String worker(String workerId) {
        return WORKERS + "/" + workerId;
    }
}
