package io.jitar.core.procedure;

import io.jitar.Version;
import io.jitar.errors.NotFoundException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * All versions of one FQN. Immutable after construction; safe to share between threads.
 */
public final class Procedure {

    private final Fqn fqn;
    private final NavigableMap<Version, Implementation> versions;

    Procedure(Fqn fqn, NavigableMap<Version, Implementation> versions) {
        this.fqn = fqn;
        this.versions = Collections.unmodifiableNavigableMap(new TreeMap<>(versions));
    }

    public Fqn fqn() {
        return fqn;
    }

    public Collection<Implementation> implementations() {
        return versions.values();
    }

    /**
     * The implementation of exactly {@code requested}, else the highest lower version.
     *
     * @throws NotFoundException when every version is higher than the one asked for
     */
    public Implementation select(Version requested) {
        Map.Entry<Version, Implementation> entry = versions.floorEntry(requested);
        if (entry == null) {
            throw new NotFoundException("No implementation of procedure '" + fqn + "' for version " + requested);
        }
        return entry.getValue();
    }

    /** {@code true} when at least one version is reachable over RPC (so a gateway should know it). */
    public boolean isRemotelyCallable() {
        return versions.values().stream().anyMatch(i -> i.access().isRemotelyCallable());
    }
}
