package io.jitar.gateway.cluster;

import org.junit.jupiter.api.Test;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

class NoWorkerAvailableExceptionTest {

    @Test
    void isServiceUnavailableNamingTheProcedure() {
        NoWorkerAvailableException error = new NoWorkerAvailableException(CHECK_SECRET);

        assertThat(error).hasMessage("No worker available for procedure 'game/checkSecret'");
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.procedureName()).isEqualTo(CHECK_SECRET);
    }

    @Test
    void appendsTheReason() {
        NoWorkerAvailableException error = new NoWorkerAvailableException(CHECK_SECRET, "all 2 available workers failed");

        assertThat(error).hasMessage("No worker available for procedure 'game/checkSecret': all 2 available workers failed");
        assertThat(error.status()).isEqualTo(503);
    }
}
