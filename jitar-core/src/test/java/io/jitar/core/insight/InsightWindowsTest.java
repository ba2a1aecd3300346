package io.jitar.core.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightWindowsTest {

    @Test
    void theFixedWindowsAndAllAreAccepted() {
        for (String window : List.of("1m", "5m", "15m", "1h", "all")) {
            assertThat(InsightWindows.problem(Map.of("window", List.of(window)))).isEmpty();
        }
        assertThat(InsightWindows.requested(Map.of())).isEqualTo("5m");
        assertThat(InsightWindows.duration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(InsightWindows.duration("all")).isNull();
    }

    @Test
    void anythingElseIsNamedInTheProblem() {
        assertThat(InsightWindows.problem(Map.of("window", List.of("2d")))).contains("Unknown window '2d': use 1m, 5m, 15m, 1h or all");
        assertThat(InsightWindows.problem(Map.of("window", List.of("1m", "5m")))).contains("Parameter 'window' is given more than once");
        assertThat(InsightWindows.problem(Map.of("limit", List.of("3")))).contains("Unknown query parameter 'limit': only 'window' is accepted");
        assertThat(InsightWindows.problem(Map.of("x".repeat(100), List.of("3")))).get().asString().hasSizeLessThan(100);
    }
}
