package io.jitar.core.procedure;

import io.jitar.Version;
import io.jitar.errors.NotFoundException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The procedures a service runs, by FQN. Built once at start with {@link Builder}; immutable and
 * lock-free afterwards, so a call costs one hash lookup and one floor lookup.
 */
public final class ProcedureRegistry {

    private final Map<String, Procedure> procedures;

    private ProcedureRegistry(Map<String, Procedure> procedures) {
        this.procedures = Map.copyOf(procedures);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The procedure named {@code fqn}.
     *
     * @throws NotFoundException when this service runs no such procedure
     */
    public Procedure get(String fqn) {
        Procedure procedure = procedures.get(fqn);
        if (procedure == null) {
            throw new NotFoundException("Procedure '" + Fqn.shorten(fqn) + "' not found");
        }
        return procedure;
    }

    public boolean contains(String fqn) {
        return procedures.containsKey(fqn);
    }

    public Collection<Procedure> procedures() {
        return procedures.values();
    }

    /** Collects implementations; refuses the same FQN and version twice. Not thread-safe. */
    public static final class Builder {

        private final Map<Fqn, TreeMap<Version, Implementation>> versions = new HashMap<>();
        private final Map<String, String> origins = new HashMap<>();

        /**
         * Adds an implementation; {@code origin} says where it was declared, for error messages.
         *
         * @throws IllegalStateException when the FQN and version are already taken
         */
        public Builder add(Implementation implementation, String origin) {
            TreeMap<Version, Implementation> byVersion = versions.computeIfAbsent(implementation.fqn(), f -> new TreeMap<>());
            String key = implementation.fqn() + "@" + implementation.version();
            if (byVersion.containsKey(implementation.version())) {
                throw new IllegalStateException("procedure '" + implementation.fqn() + "' version "
                        + implementation.version() + " is declared twice: by " + origins.get(key) + " and by " + origin);
            }
            byVersion.put(implementation.version(), implementation);
            origins.put(key, origin);
            return this;
        }

        public ProcedureRegistry build() {
            Map<String, Procedure> procedures = new HashMap<>();
            versions.forEach((fqn, byVersion) -> procedures.put(fqn.value(), new Procedure(fqn, byVersion)));
            return new ProcedureRegistry(procedures);
        }
    }
}
