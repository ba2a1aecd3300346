package io.jitar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartWatchTest {

    private static final String READY = "[INFO] Payara Micro 6.2025.10 (build 42) ready in 9,041 (ms)\n";

    private Instant now = Instant.parse("2026-12-06T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final StartWatch watch = new StartWatch(Duration.ofSeconds(10), clock);

    @Test
    void aStartThatLoggedReadyAndAcceptsNothingAfterTheGraceNeverListened() {
        assertThat(watch.neverListened(READY, () -> false)).isFalse();
        now = now.plusSeconds(10);
        assertThat(watch.neverListened(READY, () -> false)).as("at the end of the grace").isFalse();
        now = now.plusMillis(1);
        assertThat(watch.neverListened(READY, () -> false)).isTrue();
    }

    @Test
    void aStartThatAcceptsConnectionsIsFine() {
        watch.neverListened(READY, () -> true);
        now = now.plusSeconds(60);
        assertThat(watch.neverListened(READY, () -> true)).isFalse();
    }

    @Test
    void aSlowStartIsNotJudgedBeforeItLogsReadyAndAnAddressInUseIsNotTheReadyLine() {
        AtomicInteger probes = new AtomicInteger();
        String bindFailure = "java.net.BindException: Address already in use\n";
        assertThat(watch.neverListened(bindFailure, () -> probes.incrementAndGet() > 0)).isFalse();
        now = now.plusSeconds(120);
        assertThat(watch.neverListened(bindFailure, () -> probes.incrementAndGet() > 0)).isFalse();
        assertThat(probes).hasValue(0);
        // The grace counts from the moment the ready line was first seen, not from the start.
        assertThat(watch.neverListened(bindFailure + READY, () -> false)).isFalse();
        now = now.plusSeconds(11);
        assertThat(watch.neverListened(bindFailure + READY, () -> false)).isTrue();
    }
}
