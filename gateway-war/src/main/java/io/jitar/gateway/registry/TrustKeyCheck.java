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
     * The worker list needs the key in the header.
     *
     * @param action what the caller wanted, for the message, e.g. "list the workers"
     * @throws UnauthorizedException when a key is set and the header does not match
     */
    static void require(TrustKey key, String headerKey, String action) {
        if (key.isSet() && !key.matches(headerKey)) {
            throw new UnauthorizedException("A valid trust key in header " + JitarHeaders.TRUST_KEY
                    + " is required to " + action);
        }
    }

    /**
     * A report or a removal needs the key in the header, or no key header and the id of a
     * registration: the original Jitar's worker sends its key in the registration body only, and
     * the id is a credential too, given only to a registrant that presented the key and never
     * shown publicly ({@code /cluster} shows a {@link io.jitar.gateway.cluster.PublicWorkerId}).
     * A wrong key is refused even with a known id.
     *
     * @param registered whether {@code id} names a registration of this gateway
     * @throws UnauthorizedException when a key is set and neither holds
     */
    static void requireForWorker(TrustKey key, String headerKey, boolean registered, String action) {
        if (key.isSet() && !key.matches(headerKey) && (headerKey != null || !registered)) {
            throw new UnauthorizedException("A valid trust key in header " + JitarHeaders.TRUST_KEY
                    + " or a registered worker's id is required to " + action);
        }
    }
}
