package io.jitar.gateway.grid;

import io.jitar.core.protocol.WorkerState;
import io.jitar.gateway.cluster.Registration;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One worker as the data grid holds it: its registration and the state it reported last. Stored
 * as a line-based text, not as a Java object: every member reads it without our classes on the
 * grid's class path, and a gateway of another build either reads it or refuses it with a message.
 * Nothing in it can hold a line break or a comma (URLs are normalized, names and labels are checked
 * by {@link Registration}), so the format needs no escaping.
 *
 * @param registration what the worker registered with
 * @param state        what it reported last
 */
public record WorkerLease(Registration registration, WorkerState state) {

    /** Raised by a format change: a member of another build must not misread an entry. */
    static final String FORMAT = "jitar-worker-lease/1";

    /** The text stored under the registration's id. */
    public String toText() {
        Registration r = registration;
        return String.join("\n", FORMAT, r.url().toString(), state.name(), r.name() == null ? "" : r.name(),
                String.join(",", r.segments() == null ? Set.of() : r.segments()), String.join(",", r.procedureNames()),
                String.join(",", r.idempotentProcedureNames()));
    }

    /**
     * Reads what {@link #toText()} wrote.
     *
     * @throws IllegalArgumentException when {@code text} is not a lease of this format, or names an invalid registration
     */
    public static WorkerLease parse(String id, String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 7 || !FORMAT.equals(lines[0])) {
            throw new IllegalArgumentException("Not a " + FORMAT + " entry for worker " + id);
        }
        try {
            Registration registration = new Registration(id, URI.create(lines[1]), list(lines[5]), list(lines[6]),
                    lines[3].isEmpty() ? null : lines[3], lines[4].isEmpty() ? null : list(lines[4]));
            return new WorkerLease(registration, WorkerState.valueOf(lines[2].toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid lease entry for worker " + id + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> list(String line) {
        return line.isEmpty() ? Set.of() : Arrays.stream(line.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
