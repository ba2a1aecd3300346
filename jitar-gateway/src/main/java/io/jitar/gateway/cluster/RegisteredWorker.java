package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import io.jitar.core.protocol.WorkerLabels;
import io.jitar.errors.BadRequestException;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One worker as the gateway knows it: where it is, which procedures it serves (and which of them
 * may safely run twice), what it calls itself and which segments it runs, how healthy it is and
 * whether the gateway itself saw it fail recently.
 *
 * <p>Immutable and thread-safe: state changes return new instances, so a registry can publish
 * workers in snapshots that readers use without locks. Always valid: the constructor rejects a
 * URL, procedure name, name or segment a worker sent wrongly with a {@link BadRequestException}
 * (HTTP 400).
 *
 * <p>The one mutable part is its {@link #load()}: a thread-safe counter of the requests the gateway
 * sent it, created with the registration and shared by every later instance of the same
 * registration (after reports, down marks), so counting survives republishing. It is not part of
 * the value: {@link #equals} ignores it.
 */
public final class RegisteredWorker {

    /** Segments of letters, digits, {@code _ $ -}, separated by single slashes. */
    private static final Pattern PROCEDURE_NAME = Pattern.compile("^[A-Za-z0-9_$-]+(/[A-Za-z0-9_$-]+)*$");

    private final String id;
    private final URI url;
    private final Set<String> procedureNames;
    private final Set<String> idempotentProcedureNames;
    /** {@code jitar.worker.name}; {@code null} when the worker sent none. */
    private final String name;
    private final Set<String> segments;
    private final WorkerHealth health;
    /** End of a passive down mark; {@code null} when the gateway never saw this worker fail. */
    private final Instant downUntil;
    private final WorkerLoad load;

    /**
     * @param id             the registration id, not blank
     * @param url            absolute http(s) URL with a host
     * @param procedureNames non-empty, each matching {@code ^[A-Za-z0-9_$-]+(/[A-Za-z0-9_$-]+)*$}
     * @param health         the health state machine
     * @param downUntil      end of a passive down mark, or {@code null} for none
     * @throws BadRequestException if {@code url} or {@code procedureNames} is invalid
     */
    public RegisteredWorker(String id, URI url, Collection<String> procedureNames,
                            WorkerHealth health, Instant downUntil) {
        this(id, url, procedureNames, Set.of(), health, downUntil);
    }

    /**
     * A worker without name and segments; see
     * {@link #RegisteredWorker(String, URI, Collection, Collection, String, Collection, WorkerHealth, Instant)}.
     */
    public RegisteredWorker(String id, URI url, Collection<String> procedureNames,
                            Collection<String> idempotentProcedureNames, WorkerHealth health, Instant downUntil) {
        this(id, url, procedureNames, idempotentProcedureNames, null, null, health, downUntil);
    }

    /**
     * @param id                       the registration id, not blank
     * @param url                      absolute http(s) URL with a host
     * @param procedureNames           non-empty, each matching {@code ^[A-Za-z0-9_$-]+(/[A-Za-z0-9_$-]+)*$}
     * @param idempotentProcedureNames the procedures that may run twice without harm, so the
     *                                 gateway may retry them on another worker after sending;
     *                                 a subset of {@code procedureNames}; {@code null} means none
     * @param name                     the worker's name, a {@linkplain WorkerLabels label}; {@code null} for none
     * @param segments                 the segments it runs, each a label; {@code null} means none told
     * @param health                   the health state machine
     * @param downUntil                end of a passive down mark, or {@code null} for none
     * @throws BadRequestException if {@code url}, a procedure list, {@code name} or {@code segments} is invalid
     */
    public RegisteredWorker(String id, URI url, Collection<String> procedureNames,
                            Collection<String> idempotentProcedureNames, String name, Collection<String> segments,
                            WorkerHealth health, Instant downUntil) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        this.id = id;
        this.url = requireHttpUrl(url);
        this.procedureNames = requireProcedureNames(procedureNames);
        this.idempotentProcedureNames = requireSubset(idempotentProcedureNames, this.procedureNames);
        this.name = WorkerLabels.requireName(name);
        this.segments = WorkerLabels.requireSegments(segments);
        this.health = Objects.requireNonNull(health, "health");
        this.downUntil = downUntil;
        this.load = new WorkerLoad();
    }

    /** The same registration (and the same load counter) with another health or down mark; nothing to validate again. */
    private RegisteredWorker(RegisteredWorker registration, WorkerHealth health, Instant downUntil) {
        this.id = registration.id;
        this.url = registration.url;
        this.procedureNames = registration.procedureNames;
        this.idempotentProcedureNames = registration.idempotentProcedureNames;
        this.name = registration.name;
        this.segments = registration.segments;
        this.health = Objects.requireNonNull(health, "health");
        this.downUntil = downUntil;
        this.load = registration.load;
    }

    /** A new registration with a random UUID as id, no idempotent procedures and no down mark. */
    public static RegisteredWorker create(URI url, Collection<String> procedureNames, WorkerHealth health) {
        return create(url, procedureNames, Set.of(), health);
    }

    /** A new registration with a random UUID as id, no name or segments, and no down mark. */
    public static RegisteredWorker create(URI url, Collection<String> procedureNames,
                                          Collection<String> idempotentProcedureNames, WorkerHealth health) {
        return create(url, procedureNames, idempotentProcedureNames, null, null, health);
    }

    /** A new registration with a random UUID as id and no down mark. */
    public static RegisteredWorker create(URI url, Collection<String> procedureNames,
                                          Collection<String> idempotentProcedureNames, String name,
                                          Collection<String> segments, WorkerHealth health) {
        return new RegisteredWorker(UUID.randomUUID().toString(), url, procedureNames, idempotentProcedureNames,
                name, segments, health, null);
    }

    public String id() {
        return id;
    }

    /** Normalized, so two spellings of the same path compare equal. */
    public URI url() {
        return url;
    }

    /** Unmodifiable, sorted for a stable monitoring view. */
    public Set<String> procedureNames() {
        return procedureNames;
    }

    /** Unmodifiable, sorted; always a subset of {@link #procedureNames()}. */
    public Set<String> idempotentProcedureNames() {
        return idempotentProcedureNames;
    }

    /** Whether this worker declared {@code procedureName} safe to run again (retry after sending). */
    public boolean isIdempotent(String procedureName) {
        return idempotentProcedureNames.contains(procedureName);
    }

    /** The worker's {@code jitar.worker.name}, if it sent one. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The segments the worker runs, unmodifiable and sorted; empty when it did not tell. */
    public Set<String> segments() {
        return segments;
    }

    /** The requests the gateway sent this registration; shared by all its instances. */
    public WorkerLoad load() {
        return load;
    }

    public WorkerHealth health() {
        return health;
    }

    /** End of the passive down mark, if {@link #markedDownUntil} was called and no report cleared it. */
    public Optional<Instant> downUntil() {
        return Optional.ofNullable(downUntil);
    }

    /** The health state at {@code now}, ignoring a down mark; see {@link WorkerHealth#stateAt}. */
    public WorkerState stateAt(Instant now) {
        return health.stateAt(now);
    }

    /** Whether a passive down mark still holds at {@code now}. */
    public boolean isDownAt(Instant now) {
        return downUntil != null && now.isBefore(downUntil);
    }

    /** Whether requests may go to this worker at {@code now}: available and not marked down. */
    public boolean isPickableAt(Instant now) {
        return stateAt(now) == WorkerState.AVAILABLE && !isDownAt(now);
    }

    /**
     * This worker after it reported {@code state} at {@code at}. An {@code AVAILABLE} report
     * clears a down mark: the worker says it is back, and it is the better judge of that.
     */
    public RegisteredWorker withReport(WorkerState state, Instant at) {
        Instant keptDownUntil = state == WorkerState.AVAILABLE ? null : downUntil;
        return new RegisteredWorker(this, health.report(state, at), keptDownUntil);
    }

    /**
     * This worker marked down until {@code until}. An existing later mark is kept, so two failures
     * seen concurrently cannot shorten each other.
     */
    public RegisteredWorker markedDownUntil(Instant until) {
        Objects.requireNonNull(until, "until");
        Instant latest = downUntil != null && downUntil.isAfter(until) ? downUntil : until;
        return new RegisteredWorker(this, health, latest);
    }

    /** This worker without a down mark. */
    public RegisteredWorker withoutDownMark() {
        return downUntil == null ? this : new RegisteredWorker(this, health, null);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RegisteredWorker worker)) {
            return false;
        }
        return id.equals(worker.id) && url.equals(worker.url)
                && procedureNames.equals(worker.procedureNames)
                && idempotentProcedureNames.equals(worker.idempotentProcedureNames)
                && Objects.equals(name, worker.name) && segments.equals(worker.segments) && health.equals(worker.health)
                && Objects.equals(downUntil, worker.downUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, url, procedureNames, idempotentProcedureNames, name, segments, health, downUntil);
    }

    @Override
    public String toString() {
        return "RegisteredWorker[id=" + id + ", url=" + url + ", procedureNames=" + procedureNames
                + ", idempotentProcedureNames=" + idempotentProcedureNames + ", name=" + name + ", segments=" + segments
                + ", health=" + health + ", downUntil=" + downUntil + "]";
    }

    private static URI requireHttpUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque() || url.getHost() == null
                || !isHttpScheme(url.getScheme())) {
            throw new BadRequestException("url must be an absolute http(s) URL, got '" + url + "'");
        }
        return url.normalize();
    }

    private static boolean isHttpScheme(String scheme) {
        String lowerCase = scheme.toLowerCase(Locale.ROOT);
        return lowerCase.equals("http") || lowerCase.equals("https");
    }

    private static Set<String> requireProcedureNames(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new BadRequestException("procedureNames must not be empty");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : names) {
            if (name == null || !PROCEDURE_NAME.matcher(name).matches()) {
                throw new BadRequestException("Invalid procedure name '" + name
                        + "'; expected segments of letters, digits, '_', '$' or '-' separated by '/'");
            }
            sorted.add(name);
        }
        return Collections.unmodifiableSet(sorted);
    }

    private static Set<String> requireSubset(Collection<String> names, Set<String> procedureNames) {
        if (names == null || names.isEmpty()) {
            return Set.of();
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : names) {
            // Retrying is only safe for what this worker runs; anything else is a mistake in the registration.
            if (name == null || !procedureNames.contains(name)) {
                throw new BadRequestException("idempotentProcedureNames must be a subset of procedureNames; '"
                        + name + "' is not in procedureNames");
            }
            sorted.add(name);
        }
        return Collections.unmodifiableSet(sorted);
    }
}
