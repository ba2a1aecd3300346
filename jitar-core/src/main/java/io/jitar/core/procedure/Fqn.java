package io.jitar.core.procedure;

import io.jitar.errors.BadRequestException;
import java.util.regex.Pattern;

/**
 * The fully qualified name of a procedure: {@code module-path/name}, where the module path is the
 * procedure interface's package relative to the application's root package, joined with {@code /}.
 * Identical in every deployment of an application, so it is what clients and gateways address.
 *
 * <p>Only letters, digits, {@code _ $ -} and single {@code /} separators are valid, which keeps
 * {@code ..}, empty segments and encoded characters out by construction.
 */
public record Fqn(String value) implements Comparable<Fqn> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_$-]+(/[A-Za-z0-9_$-]+)*");
    private static final int MAX_ECHO = 100;

    public Fqn {
        if (value == null || value.isEmpty()) {
            throw new BadRequestException("Procedure name is empty");
        }
        if (!VALID.matcher(value).matches()) {
            throw new BadRequestException("Invalid procedure name '" + shorten(value) + "'");
        }
    }

    /** Parses a name from a request; throws {@link BadRequestException} when it is not a valid FQN. */
    public static Fqn parse(String value) {
        return new Fqn(value);
    }

    /** {@code true} when {@code value} is a syntactically valid FQN. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /**
     * The FQN of procedure {@code name} declared by {@code moduleInterface}, relative to
     * {@code rootPackage} (empty: the whole package path is the module path).
     *
     * @throws IllegalArgumentException when the interface is outside the root package
     */
    public static Fqn of(String rootPackage, Class<?> moduleInterface, String name) {
        String modulePackage = moduleInterface.getPackageName();
        String relative;
        if (rootPackage.isEmpty()) {
            relative = modulePackage;
        } else if (modulePackage.equals(rootPackage)) {
            relative = "";
        } else if (modulePackage.startsWith(rootPackage + ".")) {
            relative = modulePackage.substring(rootPackage.length() + 1);
        } else {
            throw new IllegalArgumentException("interface " + moduleInterface.getName()
                    + " is not inside the root package '" + rootPackage + "' (jitar.root-package)");
        }
        String path = relative.replace('.', '/');
        return new Fqn(path.isEmpty() ? name : path + "/" + name);
    }

    /** Cuts user input down before it is echoed in an error message. */
    public static String shorten(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
    }

    @Override
    public int compareTo(Fqn other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
