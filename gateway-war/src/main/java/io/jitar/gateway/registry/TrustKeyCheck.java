package io.jitar.gateway.registry;

import io.jitar.core.protocol.JitarHeaders;
import io.jitar.core.protocol.TrustKey;
import io.jitar.errors.UnauthorizedException;

/**
 * Who may change the registry: when the gateway has a trust key, only callers that present it.
 * Without a key the gateway is open, as in the original (for development).
 */
final class TrustKeyCheck {

    private TrustKeyCheck() {
    }

    /**
     * A registration may carry the key in its body (as the original does) or in the header.
     *
     * @throws UnauthorizedException when a key is set and neither matches
     */
    static void requireForRegistration(TrustKey key, String bodyKey, String headerKey) {
        if (key.isSet() && !key.matches(bodyKey) && !key.matches(headerKey)) {
            throw new UnauthorizedException("Worker registration refused: a valid trust key is required "
                    + "(field 'trustKey' or header " + JitarHeaders.TRUST_KEY + ")");
        }
    }

    /**
     * Reports, removals and the worker list need the key in the header. The original did not ask
     * for it here, which let anyone deregister any worker or report it unavailable.
     *
     * @param action what the caller wanted, for the message, e.g. "remove a worker"
     * @throws UnauthorizedException when a key is set and the header does not match
     */
    static void require(TrustKey key, String headerKey, String action) {
        if (key.isSet() && !key.matches(headerKey)) {
            throw new UnauthorizedException("A valid trust key in header " + JitarHeaders.TRUST_KEY
                    + " is required to " + action);
        }
    }
}
