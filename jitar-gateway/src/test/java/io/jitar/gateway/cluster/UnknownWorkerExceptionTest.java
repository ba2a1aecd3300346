package io.jitar.gateway.cluster;

import io.jitar.errors.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownWorkerExceptionTest {

    @Test
    void isNotFoundNamingTheWorker() {
        UnknownWorkerException error = new UnknownWorkerException("worker-42");

        assertThat(error).isInstanceOf(NotFoundException.class).hasMessage("Unknown worker 'worker-42'");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.workerId()).isEqualTo("worker-42");
    }
}
