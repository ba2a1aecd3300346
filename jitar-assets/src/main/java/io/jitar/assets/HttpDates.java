package io.jitar.assets;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates ({@code Last-Modified}, {@code If-Modified-Since}) in the IMF-fixdate form,
 * {@code Sun, 06 Nov 1994 08:49:37 GMT}: whole seconds, always GMT.
 */
public final class HttpDates {

    /** Two-digit days: {@link DateTimeFormatter#RFC_1123_DATE_TIME} would write {@code 6 Nov}. */
    private static final DateTimeFormatter FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LENIENT = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    /** Formats {@code instant}, dropping fractions of a second. */
    public static String format(Instant instant) {
        return FIXDATE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Parses a date a client sent; empty when it is absent or not an HTTP date (then it is ignored). */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.from(LENIENT.parse(text.trim())));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
