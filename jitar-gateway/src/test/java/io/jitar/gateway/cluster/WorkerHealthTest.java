package io.jitar.gateway.cluster;

import io.jitar.core.protocol.WorkerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static io.jitar.gateway.cluster.GatewayFixtures.SETTINGS;
import static io.jitar.gateway.cluster.GatewayFixtures.START;
import static io.jitar.gateway.cluster.GatewayFixtures.STOPPED_THRESHOLD;
import static io.jitar.gateway.cluster.GatewayFixtures.UNAVAILABLE_THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerHealthTest {

    private static final Duration ONE_NANO = Duration.ofNanos(1);

    private final WorkerHealth available = new WorkerHealth(WorkerState.AVAILABLE, START, SETTINGS);

    @Test
    void keepsReportedStateBeforeUnavailableThreshold() {
        assertThat(available.stateAt(START)).isEqualTo(WorkerState.AVAILABLE);
        assertThat(available.stateAt(START.plus(UNAVAILABLE_THRESHOLD).minus(ONE_NANO)))
                .isEqualTo(WorkerState.AVAILABLE);
    }

    @Test
    void demotesToUnavailableAfterThreshold() {
        assertThat(available.stateAt(START.plus(UNAVAILABLE_THRESHOLD))).isEqualTo(WorkerState.UNAVAILABLE);
        assertThat(available.stateAt(START.plus(STOPPED_THRESHOLD).minus(ONE_NANO)))
                .isEqualTo(WorkerState.UNAVAILABLE);
    }

    @Test
    void demotesStartingWorkerToUnavailable() {
        WorkerHealth starting = new WorkerHealth(WorkerState.STARTING, START, SETTINGS);

        assertThat(starting.stateAt(START.plus(UNAVAILABLE_THRESHOLD))).isEqualTo(WorkerState.UNAVAILABLE);
    }

    @Test
    void keepsStoppingUntilStoppedThreshold() {
        WorkerHealth stopping = new WorkerHealth(WorkerState.STOPPING, START, SETTINGS);

        assertThat(stopping.stateAt(START.plus(UNAVAILABLE_THRESHOLD))).isEqualTo(WorkerState.STOPPING);
    }

    @ParameterizedTest
    @EnumSource(WorkerState.class)
    void demotesAnyStateToStoppedAfterThreshold(WorkerState reported) {
        WorkerHealth health = new WorkerHealth(reported, START, SETTINGS);

        assertThat(health.stateAt(START.plus(STOPPED_THRESHOLD))).isEqualTo(WorkerState.STOPPED);
    }

    @Test
    void reportRestartsSilence() {
        WorkerHealth reported = available.report(WorkerState.AVAILABLE, START.plus(Duration.ofSeconds(5)));

        assertThat(reported.stateAt(START.plus(Duration.ofSeconds(10)))).isEqualTo(WorkerState.AVAILABLE);
        assertThat(reported.reportedAt()).isEqualTo(START.plus(Duration.ofSeconds(5)));
        assertThat(reported.settings()).isEqualTo(SETTINGS);
    }

    @Test
    void reportReplacesReportedState() {
        WorkerHealth reported = available.report(WorkerState.UNAVAILABLE, START);

        assertThat(reported.stateAt(START)).isEqualTo(WorkerState.UNAVAILABLE);
    }

    @Test
    void clockGoingBackwardsCountsAsFreshReport() {
        assertThat(available.stateAt(START.minus(Duration.ofHours(1)))).isEqualTo(WorkerState.AVAILABLE);
    }

    @Test
    void factoryValidatesThresholds() {
        assertThatThrownBy(() -> WorkerHealth.of(WorkerState.AVAILABLE, START, Duration.ZERO, STOPPED_THRESHOLD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unavailableThreshold must be > 0");
        assertThatThrownBy(() -> WorkerHealth.of(WorkerState.AVAILABLE, START, STOPPED_THRESHOLD, UNAVAILABLE_THRESHOLD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stoppedThreshold must be > unavailableThreshold");
    }

    @Test
    void factoryBuildsSettingsFromThresholds() {
        WorkerHealth health = WorkerHealth.of(WorkerState.STARTING, START, UNAVAILABLE_THRESHOLD, STOPPED_THRESHOLD);

        assertThat(health).isEqualTo(new WorkerHealth(WorkerState.STARTING, START, SETTINGS));
    }

    @Test
    void rejectsMissingParts() {
        assertThatThrownBy(() -> new WorkerHealth(null, START, SETTINGS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkerHealth(WorkerState.AVAILABLE, null, SETTINGS))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkerHealth(WorkerState.AVAILABLE, START, null))
                .isInstanceOf(NullPointerException.class);
    }
}
