package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDatesTest {

    @Test
    void formatsImfFixdateWithTwoDigitDaysInGmt() {
        assertThat(HttpDates.format(Instant.parse("1994-11-06T08:49:37.789Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDates.format(Instant.parse("2026-01-31T23:00:00Z"))).isEqualTo("Sat, 31 Jan 2026 23:00:00 GMT");
    }

    @Test
    void parsesWhatItFormats() {
        Instant instant = Instant.parse("2025-03-04T05:06:07Z");

        assertThat(HttpDates.parse(HttpDates.format(instant))).hasValue(instant);
        assertThat(HttpDates.parse(" Sun, 6 Nov 1994 08:49:37 GMT ")).hasValue(Instant.parse("1994-11-06T08:49:37Z"));
    }

    @Test
    void ignoresAbsentOrInvalidDates() {
        assertThat(HttpDates.parse(null)).isEmpty();
        assertThat(HttpDates.parse("")).isEmpty();
        assertThat(HttpDates.parse("yesterday")).isEmpty();
        assertThat(HttpDates.parse("2025-03-04T05:06:07Z")).isEmpty();
    }
}
