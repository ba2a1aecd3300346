package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerLabels;
import io.jitar.errors.BadRequestException;
import java.net.URI;
import java.util.HashSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a worker told the gateway when it registered, validated once: where it is, which
 * procedures it serves (and which of them may safely run twice), what it calls itself and which
 * segments it runs. A value: it never changes while the registration lives.
 *
 * @param id                       the registration id, not blank
 * @param url                      absolute http(s) URL with a host; kept normalized
 * @param procedureNames           non-empty, each matching {@code ^[A-Za-z0-9_$-]+(/[A-Za-z0-9_$-]+)*$}; kept sorted
 * @param idempotentProcedureNames the procedures that may run twice without harm, so the gateway
 *                                 may retry them on another worker after sending; a subset of
 *                                 {@code procedureNames}; {@code null} means none
 * @param name                     the worker's name, a {@linkplain WorkerLabels label}; {@code null} for none
 * @param segments                 the segments it runs, each a label; {@code null} means none told
 * @throws BadRequestException if {@code url}, a procedure list, {@code name} or {@code segments} is
 *                             invalid (HTTP 400: the worker sent it wrongly)
 */
public record Registration(String id, URI url, Set<String> procedureNames, Set<String> idempotentProcedureNames,
                           String name, Set<String> segments) {

    /** Segments of letters, digits, {@code _ $ -}, separated by single slashes. */
    private static final Pattern PROCEDURE_NAME = Pattern.compile("^[A-Za-z0-9_$-]+(/[A-Za-z0-9_$-]+)*$");

    public Registration {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        url = requireHttpUrl(url);
        procedureNames = requireProcedureNames(procedureNames);
        idempotentProcedureNames = requireSubset(idempotentProcedureNames, procedureNames);
        name = WorkerLabels.requireName(name);
        segments = WorkerLabels.requireSegments(segments);
    }

    /** A new registration with a random UUID as id; the collections are copied (they may hold nulls to refuse). */
    public static Registration withNewId(URI url, Collection<String> procedureNames, Collection<String> idempotentProcedureNames,
                                         String name, Collection<String> segments) {
        return new Registration(UUID.randomUUID().toString(), url, copy(procedureNames), copy(idempotentProcedureNames),
                name, copy(segments));
    }

    /** Whether this worker declared {@code procedureName} safe to run again (retry after sending). */
    public boolean isIdempotent(String procedureName) {
        return idempotentProcedureNames.contains(procedureName);
    }

    private static Set<String> copy(Collection<String> values) {
        // Not Set.copyOf: it throws on null, and a null element must be refused with a 400 naming it.
        return values == null ? null : new HashSet<>(values);
    }

    private static URI requireHttpUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.isOpaque() || url.getHost() == null || !isHttpScheme(url.getScheme())) {
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
