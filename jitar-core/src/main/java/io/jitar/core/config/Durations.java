package io.jitar.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses configured durations: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601
 * ({@code PT5S}). A bare number is refused, because its unit would be a guess.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * @param key the configuration key, named in the message when the value is wrong
     * @throws IllegalArgumentException naming the key and the value
     */
    public static Duration parse(String key, String text) {
        String value = text == null ? "" : text.trim();
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            if (value.startsWith("PT") || value.startsWith("pt")) {
                return Duration.parse(value);
            }
        } catch (DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("Invalid duration for '" + key + "': '" + text
                + "'; write it like 500ms, 5s, 2m or 1h");
    }

    /** Like {@link #parse} but also refuses zero and negative durations. */
    public static Duration parsePositive(String key, String text) {
        Duration duration = parse(key, text);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("Invalid duration for '" + key + "': must be > 0, got '" + text + "'");
        }
        return duration;
    }
}
