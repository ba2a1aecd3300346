package io.jitar.gateway.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerFailedExceptionTest {

    @Test
    void isABadGatewayNamingWorkerAndProcedure() {
        WorkerFailedException error = new WorkerFailedException("game/guess", "w-1");

        assertThat(error.status()).isEqualTo(502);
        assertThat(error).hasMessage("Worker w-1 failed before answering procedure 'game/guess'; "
                + "not retried because the procedure is not idempotent");
        assertThat(error.workerId()).isEqualTo("w-1");
    }
}
