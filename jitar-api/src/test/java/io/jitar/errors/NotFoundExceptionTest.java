package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotFoundExceptionTest {

    private static final String MESSAGE = "Game 42 not found";

    @Test
    void carriesStatus404() {
        NotFoundException exception = new NotFoundException(MESSAGE);

        assertThat(exception).isInstanceOf(JitarException.class).hasMessage(MESSAGE).hasNoCause();
        assertThat(exception.status()).isEqualTo(404);
    }

    @Test
    void keepsCause() {
        RuntimeException cause = new RuntimeException("underlying");

        NotFoundException exception = new NotFoundException(MESSAGE, cause);

        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
        assertThat(exception.status()).isEqualTo(404);
    }
}
