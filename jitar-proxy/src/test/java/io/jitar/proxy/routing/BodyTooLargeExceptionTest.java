package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyTooLargeExceptionTest {

    @Test
    void carriesItsStatusAndAMessageForTheClient() {
        BodyTooLargeException exception = new BodyTooLargeException(1048576);

        assertThat(exception.status()).isEqualTo(413).isEqualTo(BodyTooLargeException.STATUS);
        assertThat(exception).hasMessage("Request body is larger than 1048576 bytes");
    }
}
