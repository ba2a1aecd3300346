package io.jitar.core.protocol;

import io.jitar.errors.BadRequestException;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rule for a worker's {@code name} and its {@code segments} in a registration: 1 to
 * {@value #MAX_LENGTH} characters of letters, digits, {@code _ . -}. Both are shown to people
 * outside the cluster (the gateway's {@code GET /cluster}), so nothing else gets that far: no
 * markup, no spaces, no control characters, nothing long.
 *
 * <p>The gateway refuses a registration that breaks the rule (400 naming the field); a worker
 * leaves out what does not fit rather than be refused. Stateless and thread-safe.
 */
public final class WorkerLabels {

    /** The longest name or segment name. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_LENGTH + "}");
    private static final String RULE = "1 to " + MAX_LENGTH + " characters of letters, digits, '_', '.' or '-'";
    /** How much of a refused value an error message repeats. */
    private static final int LONGEST_ECHO = 80;

    private WorkerLabels() {
    }

    /** Whether {@code text} may be a worker's name or a segment name in a registration. */
    public static boolean isValid(String text) {
        return text != null && LABEL.matcher(text).matches();
    }

    /**
     * The {@code name} field: {@code null} (not sent) stays {@code null}.
     *
     * @throws BadRequestException naming the field when the name breaks the rule
     */
    public static String requireName(String name) {
        if (name != null && !isValid(name)) {
            throw new BadRequestException("'name' must be " + RULE + ", got '" + echo(name) + "'");
        }
        return name;
    }

    /**
     * The {@code segments} field, sorted and without duplicates; {@code null} (not sent) is empty.
     *
     * @throws BadRequestException naming the field when a segment name breaks the rule
     */
    public static Set<String> requireSegments(Collection<String> segments) {
        if (segments == null || segments.isEmpty()) {
            return Set.of();
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String segment : segments) {
            if (!isValid(segment)) {
                throw new BadRequestException("'segments' must hold segment names of " + RULE + ", got '"
                        + echo(segment) + "'");
            }
            sorted.add(segment);
        }
        return Collections.unmodifiableSet(sorted);
    }

    private static String echo(String value) {
        return value == null ? "null" : value.length() <= LONGEST_ECHO ? value : value.substring(0, LONGEST_ECHO) + "...";
    }
}
