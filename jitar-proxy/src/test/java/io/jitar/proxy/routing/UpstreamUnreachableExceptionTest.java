package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpstreamUnreachableExceptionTest {

    @Test
    void carriesItsStatusAndAMessageForTheClient() {
        UpstreamUnreachableException exception = new UpstreamUnreachableException("repository", new java.net.ConnectException());

        assertThat(exception.status()).isEqualTo(502).isEqualTo(UpstreamUnreachableException.STATUS);
        assertThat(exception).hasMessage("The repository is not reachable");
    }
}
