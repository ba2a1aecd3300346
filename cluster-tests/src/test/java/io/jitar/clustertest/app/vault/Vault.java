package io.jitar.clustertest.app.vault;

/** Protected: only other segments (holding the trust key) may call it. */
public interface Vault {

    Secret reveal(String label);

    void seal(String reason);
}
