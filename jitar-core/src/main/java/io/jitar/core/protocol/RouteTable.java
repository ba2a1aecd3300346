package io.jitar.core.protocol;

import java.util.List;

/**
 * Body of {@code GET /workers/routes}: the gateway's workers that take requests now, for direct
 * calls between workers. {@code version} grows with every change; a worker asks again with
 * {@code after=version} and the gateway answers when there is a newer table.
 *
 * @param version what to send as {@code after} next time
 * @param workers the available workers, in the gateway's round-robin order
 */
public record RouteTable(long version, List<Route> workers) {

    public RouteTable {
        workers = workers == null ? List.of() : List.copyOf(workers);
    }

    /**
     * One available worker.
     *
     * @param url        where it takes {@code /rpc} calls
     * @param procedures the procedures it serves (public and protected)
     * @param idempotent those of them that may be retried on another worker after sending
     */
    public record Route(String url, List<String> procedures, List<String> idempotent) {

        public Route {
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
            idempotent = idempotent == null ? List.of() : List.copyOf(idempotent);
        }
    }
}
