package io.jitar.gateway.grid;

import io.jitar.errors.JitarException;

/**
 * HTTP 503: this gateway is configured to share its registry in the data grid
 * ({@code jitar.gateway.registry=grid}) but has no grid, so it takes no registration: a worker
 * known to this gateway alone would be invisible to the others. The worker tries its next gateway.
 */
public class GridUnavailableException extends JitarException {

    public GridUnavailableException(String message) {
        super(503, message);
    }
}
