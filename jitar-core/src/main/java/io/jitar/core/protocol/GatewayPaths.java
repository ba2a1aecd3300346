package io.jitar.core.protocol;

/** Paths of a gateway's registry API and of its read-only cluster view. */
public final class GatewayPaths {

    public static final String WORKERS = "workers";

    /**
     * {@code GET /workers/routes?after=N}: the workers taking requests now, with their URLs, for
     * direct calls between workers; answers at once when the table is newer than {@code N}, else
     * when it changes or after {@link #ROUTES_WAIT_SECONDS}. Needs the trust key.
     */
    public static final String ROUTES = WORKERS + "/routes";

    /** How long a routes request waits for a change before it answers the unchanged table. */
    public static final int ROUTES_WAIT_SECONDS = 25;

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
