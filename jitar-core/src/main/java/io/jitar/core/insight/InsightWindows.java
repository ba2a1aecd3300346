package io.jitar.core.insight;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query of an insights view: only {@code window}, once, one of {@code 1m}, {@code 5m}
 * (the default), {@code 15m}, {@code 1h} or {@code all} (since start). The windows are fixed so
 * that every answer covers a span the snapshots can give ({@link GraphHistory}).
 */
public final class InsightWindows {

    public static final String DEFAULT = "5m";
    private static final Map<String, Duration> WINDOWS = Map.of("1m", Duration.ofMinutes(1), "5m", Duration.ofMinutes(5),
            "15m", Duration.ofMinutes(15), "1h", Duration.ofHours(1));

    private InsightWindows() {
    }

    /** What is wrong with the query, if anything: the message of a 400. */
    public static Optional<String> problem(Map<String, List<String>> query) {
        for (var entry : query.entrySet()) {
            if (!entry.getKey().equals("window")) {
                return Optional.of("Unknown query parameter '" + shorten(entry.getKey()) + "': only 'window' is accepted");
            }
            if (entry.getValue().size() != 1) {
                return Optional.of("Parameter 'window' is given more than once");
            }
            String value = entry.getValue().get(0);
            if (!WINDOWS.containsKey(value) && !value.equals("all")) {
                return Optional.of("Unknown window '" + shorten(value) + "': use 1m, 5m, 15m, 1h or all");
            }
        }
        return Optional.empty();
    }

    /** The window asked for, once {@link #problem} found nothing wrong. */
    public static String requested(Map<String, List<String>> query) {
        List<String> values = query.get("window");
        return values == null ? DEFAULT : values.get(0);
    }

    /** The window's length, {@code null} for {@code all}. */
    public static Duration duration(String window) {
        return WINDOWS.get(window);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
