package io.jitar.examples.showcase.lobby;

import java.time.OffsetDateTime;

/** What {@code lobby/time} answers: {@code {"time":"2025-01-31T11:15:30.123+01:00","zone":"Europe/Amsterdam"}}. */
public record ClockReading(String zone, OffsetDateTime time) {
}
