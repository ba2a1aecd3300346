package io.jitar.assets;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The files a repository may serve, as glob patterns relative to the asset root, like the original
 * Jitar's {@code assets} setting: {@code *.html} (HTML files at the top level), {@code assets/**}{@code /*}
 * (everything below {@code assets/}), <code>**&#47;*.css</code> (CSS files anywhere).
 * <p>
 * Patterns are compiled once with the JDK's glob {@link PathMatcher} ({@code *}, {@code ?},
 * {@code **}, {@code [a-z]}, <code>{a,b}</code>). One difference from the JDK is made to match the
 * original's globs: <code>**&#47;</code> also matches zero folders, so {@code assets/**}{@code /*}
 * includes {@code assets/logo.svg}. Hidden names follow the original's globs too: a wildcard never
 * matches a segment starting with a dot; such a segment must be written literally in the pattern
 * ({@code .well-known/**} serves {@code .well-known/x} but not {@code .well-known/.x}).
 * <p>
 * Immutable and thread-safe.
 */
public final class AssetWhitelist {

    private static final String ANY_FOLDERS = "**/";
    private static final String GLOB_SYNTAX = "*?[]{}\\";

    private final List<String> patterns;
    private final List<Rule> rules;

    private AssetWhitelist(List<String> patterns, List<Rule> rules) {
        this.patterns = patterns;
        this.rules = rules;
    }

    /**
     * @param patterns glob patterns relative to the asset root; blank ones are ignored
     * @throws IllegalArgumentException naming the first pattern that is not a valid glob, is
     *                                  absolute, contains a backslash or a {@code ..} segment
     */
    public static AssetWhitelist of(List<String> patterns) {
        List<String> kept = patterns.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        List<Rule> rules = new ArrayList<>();
        for (String pattern : kept) {
            rules.add(compile(pattern));
        }
        return new AssetWhitelist(kept, List.copyOf(rules));
    }

    /**
     * Splits a comma-separated list, as configured, and calls {@link #of(List)}; commas inside
     * braces belong to the pattern: {@code *.html,*.{png,jpg}} is two patterns.
     */
    public static AssetWhitelist parse(String commaSeparated) {
        List<String> patterns = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < commaSeparated.length(); i++) {
            char c = commaSeparated.charAt(i);
            depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
            if (c == ',' && depth == 0) {
                patterns.add(commaSeparated.substring(start, i));
                start = i + 1;
            }
        }
        patterns.add(commaSeparated.substring(start));
        return of(patterns);
    }

    /** True when a pattern matches {@code path}; never for the root path. */
    public boolean allows(AssetPath path) {
        if (path.isRoot()) {
            return false;
        }
        Path candidate;
        try {
            candidate = Path.of(path.toString());
        } catch (InvalidPathException e) {
            return false; // a name this platform cannot even spell cannot be one of its files
        }
        Set<String> hidden = path.segments().stream().filter(s -> s.startsWith(".")).collect(Collectors.toSet());
        return rules.stream().anyMatch(rule -> rule.literalHiddenNames.containsAll(hidden)
                && rule.matchers.stream().anyMatch(matcher -> matcher.matches(candidate)));
    }

    /** The patterns as given, trimmed. */
    public List<String> patterns() {
        return patterns;
    }

    private static Rule compile(String pattern) {
        List<String> segments = Arrays.asList(pattern.split("/"));
        if (pattern.startsWith("/") || pattern.contains("\\") || segments.contains("..") || segments.contains(".")) {
            throw new IllegalArgumentException("Invalid asset pattern '" + pattern
                    + "': write it relative to the asset root, with '/' and without '.' or '..' segments");
        }
        try {
            List<PathMatcher> matchers = expandAnyFolders(pattern).stream()
                    .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
            Set<String> hidden = segments.stream()
                    .filter(s -> s.startsWith(".") && s.chars().noneMatch(c -> GLOB_SYNTAX.indexOf(c) >= 0))
                    .collect(Collectors.toUnmodifiableSet());
            return new Rule(matchers, hidden);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid asset pattern '" + pattern + "': " + e.getDescription(), e);
        }
    }

    /** Every variant of {@code glob} with each whole-segment <code>**&#47;</code> kept or dropped (zero folders). */
    static List<String> expandAnyFolders(String glob) {
        int index = glob.indexOf(ANY_FOLDERS);
        while (index > 0 && glob.charAt(index - 1) != '/') {
            index = glob.indexOf(ANY_FOLDERS, index + 1);
        }
        if (index < 0) {
            return List.of(glob);
        }
        String head = glob.substring(0, index);
        List<String> variants = new ArrayList<>();
        for (String tail : expandAnyFolders(glob.substring(index + ANY_FOLDERS.length()))) {
            variants.add(head + ANY_FOLDERS + tail);
            variants.add(head + tail);
        }
        return variants;
    }

    private record Rule(List<PathMatcher> matchers, Set<String> literalHiddenNames) {
    }

    /** Equal when the patterns are, in the same order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AssetWhitelist whitelist && whitelist.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", patterns);
    }
}
