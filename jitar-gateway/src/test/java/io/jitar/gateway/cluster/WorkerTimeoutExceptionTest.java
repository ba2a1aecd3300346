package io.jitar.gateway.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerTimeoutExceptionTest {

    @Test
    void namesWorkerProcedureAndTimeoutAsConfigured() {
        WorkerTimeoutException error = new WorkerTimeoutException("game/guess", "w-1", Duration.ofSeconds(30));

        assertThat(error.status()).isEqualTo(504);
        assertThat(error).hasMessage("Worker w-1 did not answer procedure 'game/guess' within 30s");
        assertThat(error.procedureName()).isEqualTo("game/guess");
        assertThat(error.workerId()).isEqualTo("w-1");
    }

    @Test
    void writesFractionsOfSecondsInMilliseconds() {
        assertThat(WorkerTimeoutException.describe(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
