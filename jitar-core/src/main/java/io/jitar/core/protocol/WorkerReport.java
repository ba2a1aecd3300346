package io.jitar.core.protocol;

import java.util.Map;

/**
 * Body of {@code POST /workers/{id}/report}.
 *
 * @param state       {@code starting}, {@code available}, {@code unavailable}, {@code stopping} or {@code stopped}
 * @param directCalls ours, optional: the calls this worker sent directly to other workers since its
 *                    last report, per callee URL, for the gateway's cluster view ({@code null}: none;
 *                    JSON-B leaves it out, and the original's gateway ignores it)
 */
public record WorkerReport(String state, Map<String, Long> directCalls) {

    public WorkerReport(String state) {
        this(state, null);
    }
}
