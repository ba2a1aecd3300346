package io.jitar.gateway.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A worker's answer as the gateway relays it: status, headers as the worker sent them (hop-by-hop
 * ones included; the relaying side drops those) and the whole body.
 *
 * @param status  the HTTP status, whatever it is: the worker did answer
 * @param headers header names in the worker's spelling and order, each with its values
 * @param body    the body bytes, empty for none; not copied
 * @param idempotent whether the procedure may run again elsewhere (every worker offering it said so),
 *                   which the gateway tells its callers ({@code X-Jitar-Idempotent})
 */
public record WorkerAnswer(int status, Map<String, List<String>> headers, byte[] body, boolean idempotent) {

    public WorkerAnswer {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** An answer as it came from the worker; idempotence is the forwarder's to add. */
    public WorkerAnswer(int status, Map<String, List<String>> headers, byte[] body) {
        this(status, headers, body, false);
    }

    WorkerAnswer asIdempotent() {
        return idempotent ? this : new WorkerAnswer(status, headers, body, true);
    }
}
