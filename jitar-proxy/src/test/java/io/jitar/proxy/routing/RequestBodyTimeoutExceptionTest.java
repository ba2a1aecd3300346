package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestBodyTimeoutExceptionTest {

    @Test
    void carriesItsStatusAndAMessageForTheClient() {
        RequestBodyTimeoutException exception = new RequestBodyTimeoutException(java.time.Duration.ofSeconds(30));

        assertThat(exception.status()).isEqualTo(408).isEqualTo(RequestBodyTimeoutException.STATUS);
        assertThat(exception).hasMessage("The request body did not arrive within 30s");
    }
}
