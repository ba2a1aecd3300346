package io.jitar.core.protocol;

/** Paths of a gateway's registry API. */
public final class GatewayPaths {

    public static final String WORKERS = "workers";

    private GatewayPaths() {
    }

    public static String report(String workerId) {
        return WORKERS + "/" + workerId + "/report";
    }

    public static String worker(String workerId) {
        return WORKERS + "/" + workerId;
    }
}
