package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeapotExceptionTest {

    private static final String MESSAGE = "I am a teapot";

    @Test
    void carriesStatus418() {
        TeapotException exception = new TeapotException(MESSAGE);

        assertThat(exception).isInstanceOf(JitarException.class).hasMessage(MESSAGE).hasNoCause();
        assertThat(exception.status()).isEqualTo(418);
    }

    @Test
    void keepsCause() {
        RuntimeException cause = new RuntimeException("underlying");

        TeapotException exception = new TeapotException(MESSAGE, cause);

        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
        assertThat(exception.status()).isEqualTo(418);
    }
}
