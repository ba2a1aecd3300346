package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MalformedRequestExceptionTest {

    @Test
    void carriesItsStatusAndAMessageForTheClient() {
        MalformedRequestException exception = new MalformedRequestException("Malformed URL: x");

        assertThat(exception.status()).isEqualTo(400).isEqualTo(MalformedRequestException.STATUS);
        assertThat(exception).hasMessage("Malformed URL: x");
    }
}
