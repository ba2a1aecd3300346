package io.jitar.clustertest.app.vault;

import io.jitar.errors.ForbiddenException;

public class VaultSealedException extends ForbiddenException {

    public VaultSealedException(String message) {
        super(message);
    }
}
