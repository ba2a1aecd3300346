package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpstreamTimeoutExceptionTest {

    @Test
    void carriesItsStatusAndAMessageForTheClient() {
        UpstreamTimeoutException exception = new UpstreamTimeoutException("worker", java.time.Duration.ofMillis(1500));

        assertThat(exception.status()).isEqualTo(504).isEqualTo(UpstreamTimeoutException.STATUS);
        assertThat(exception).hasMessage("The worker did not answer within 1500ms");
    }
}
