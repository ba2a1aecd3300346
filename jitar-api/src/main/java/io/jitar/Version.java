package io.jitar;

import io.jitar.errors.BadRequestException;

/**
 * A procedure version {@code major.minor.patch}. Like the original Jitar, the shorter forms
 * {@code 1.5} and {@code 3} are accepted and mean {@code 1.5.0} and {@code 3.0.0}.
 */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

    public static final Version DEFAULT = new Version(0, 0, 0);

    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new BadRequestException("Version numbers must be >= 0");
        }
    }

    /**
     * Parses {@code major[.minor[.patch]]}.
     *
     * @throws BadRequestException when the text is not a version
     */
    public static Version parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("Invalid version '': expected major.minor.patch");
        }
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length > 3) {
            throw invalid(text);
        }
        int[] numbers = new int[3];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(parts[i], text);
        }
        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    private static int number(String part, String text) {
        if (part.isEmpty() || part.length() > 9) {
            throw invalid(text);
        }
        for (int i = 0; i < part.length(); i++) {
            char digit = part.charAt(i);
            if (digit < '0' || digit > '9') {
                throw invalid(text);
            }
        }
        return Integer.parseInt(part);
    }

    private static BadRequestException invalid(String text) {
        return new BadRequestException("Invalid version '" + shorten(text) + "': expected major.minor.patch");
    }

    /** As Fqn.shorten in jitar-core (the API depends on nothing internal): a long text is not echoed whole. */
    private static String shorten(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }

    @Override
    public int compareTo(Version other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
