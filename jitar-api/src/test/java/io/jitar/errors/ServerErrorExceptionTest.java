package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerErrorExceptionTest {

    private static final String MESSAGE = "Storage failed";

    @Test
    void carriesStatus500() {
        ServerErrorException exception = new ServerErrorException(MESSAGE);

        assertThat(exception).isInstanceOf(JitarException.class).hasMessage(MESSAGE).hasNoCause();
        assertThat(exception.status()).isEqualTo(500);
    }

    @Test
    void keepsCause() {
        RuntimeException cause = new RuntimeException("underlying");

        ServerErrorException exception = new ServerErrorException(MESSAGE, cause);

        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
        assertThat(exception.status()).isEqualTo(500);
    }
}
