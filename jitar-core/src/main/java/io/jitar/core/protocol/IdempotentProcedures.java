package io.jitar.core.protocol;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The procedures gateways said are idempotent ({@code X-Jitar-Idempotent: true} on their answers):
 * a call of one of them that broke off at a gateway after it was sent may go to the next gateway,
 * as a gateway retries such a call on another worker. The proxy and a worker's calls through the
 * gateway each keep one. Learned from answers rather than configured,
 * so it follows the segment files the workers registered with; a procedure not seen yet is not
 * retried (safe: only a call that may have run once is at stake).
 *
 * <p>Thread-safe. Bounded: only names a gateway vouched for are kept, at most {@link #LIMIT}.
 */
public final class IdempotentProcedures {

    /** More names than any cluster registers; beyond it nothing new is learned (nothing breaks). */
    public static final int LIMIT = 10_000;

    private final Set<String> names = ConcurrentHashMap.newKeySet();

    /** A gateway answered {@code procedure} and said whether it is idempotent. */
    public void answered(String procedure, boolean idempotent) {
        if (idempotent) {
            if (names.size() < LIMIT) {
                names.add(procedure);
            }
        } else {
            names.remove(procedure); // a worker that is not idempotent for it joined
        }
    }

    /** Whether any name was learned: until then an answer without the header needs no lookup. */
    public boolean knowsAny() {
        return !names.isEmpty();
    }

    public boolean isIdempotent(String procedure) {
        return names.contains(procedure);
    }
}
