package io.jitar.gateway.cluster;

import io.jitar.errors.NotFoundException;
import org.junit.jupiter.api.Test;

import static io.jitar.gateway.cluster.GatewayFixtures.CHECK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

class ProcedureNotFoundExceptionTest {

    @Test
    void isNotFoundNamingTheProcedure() {
        ProcedureNotFoundException error = new ProcedureNotFoundException(CHECK_SECRET);

        assertThat(error).isInstanceOf(NotFoundException.class)
                .hasMessage("Procedure 'game/checkSecret' not found");
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.procedureName()).isEqualTo(CHECK_SECRET);
    }
}
