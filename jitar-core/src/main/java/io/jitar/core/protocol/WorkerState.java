package io.jitar.core.protocol;

import io.jitar.errors.BadRequestException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The life-cycle state of a worker as the gateway sees it.
 *
 * <p>Only {@link #AVAILABLE} workers receive requests. Workers report their state themselves;
 * {@link WorkerHealth} demotes a silent worker to {@link #UNAVAILABLE} and then {@link #STOPPED}.
 */
public enum WorkerState {
    STARTING,
    AVAILABLE,
    UNAVAILABLE,
    STOPPING,
    STOPPED;

    /** Lower-case names in declaration order, listed in the error message of {@link #parse}. */
    private static final String EXPECTED = Arrays.stream(values())
            .map(WorkerState::wireName)
            .collect(Collectors.joining(", "));

    /**
     * Reads a state as sent on the wire, ignoring case.
     *
     * @throws BadRequestException if {@code text} is {@code null}, empty or not a state name;
     *                             the text comes from a worker, so a bad value is a 400
     */
    public static WorkerState parse(String text) {
        if (text != null) {
            String upperCase = text.toUpperCase(Locale.ROOT);
            for (WorkerState state : values()) {
                if (state.name().equals(upperCase)) {
                    return state;
                }
            }
        }
        throw new BadRequestException(
                "Unknown worker state '" + text + "'; expected one of " + EXPECTED);
    }

    /** The lower-case name used on the wire, e.g. {@code "available"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
