package io.jitar.clustertest.app.vault;

/** Protected: only other segments (holding the trust key) may call it. */
public interface Vault {

    Secret reveal(String label);

    void seal(String reason);

    /** The traceparent of the call as this worker sees it (a trace test). */
    String traceparent();
}
