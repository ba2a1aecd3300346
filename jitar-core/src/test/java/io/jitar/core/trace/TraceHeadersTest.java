package io.jitar.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.tracing.TraceContext;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceHeadersTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void continuesAValidTraceparentWithItsTracestate() {
        TraceContext context = TraceHeaders.continueOrStart(VALID, "congo=t61rcWkgMzE");

        assertThat(context).isEqualTo(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01",
                "congo=t61rcWkgMzE"));
        assertThat(context.traceparent()).isEqualTo(VALID);
    }

    @Test
    void readsTheFirstFourFieldsOfAFutureVersion() {
        TraceContext context = TraceHeaders.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-what-comes", null);

        assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.flags()).isEqualTo("00");
        assertThat(context.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",      // version 00 has exactly four fields
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",            // version ff is invalid
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",            // zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",            // zero parent id
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",            // upper case
        "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01",            // misplaced dash
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01,00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x"            // a future version's fifth field needs a dash
    })
    void startsANewTraceWithoutTheTracestateWhenTheTraceparentIsInvalid(String invalid) {
        assertThat(TraceHeaders.parse(invalid, "congo=t61rcWkgMzE")).isNull();

        TraceContext started = TraceHeaders.continueOrStart(invalid, "congo=t61rcWkgMzE");

        assertThat(started.traceId()).matches("[0-9a-f]{32}").isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(started.traceState()).isNull();
        assertThat(TraceHeaders.parse(started.traceparent(), null)).isEqualTo(started);
    }

    @Test
    void aNewTraceIsSampledWithRandomIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            TraceContext started = TraceHeaders.start();
            assertThat(started.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            ids.add(started.traceId());
        }
        assertThat(ids).hasSize(1_000);
        assertThat(TraceHeaders.continueOrStart(null, null).traceId()).matches("[0-9a-f]{32}");
    }

    @Test
    void dropsAnOverlongTracestate() {
        assertThat(TraceHeaders.parse(VALID, "a=" + "b".repeat(TraceHeaders.MAX_TRACESTATE)).traceState()).isNull();
        assertThat(TraceHeaders.parse(VALID, "  ").traceState()).isNull();
    }
}
