package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JitarExceptionTest {

    private static final String MESSAGE = "Game is over";

    @Test
    void carriesStatusAndMessage() {
        JitarException exception = new JitarException(409, MESSAGE);

        assertThat(exception.status()).isEqualTo(409);
        assertThat(exception).hasMessage(MESSAGE).hasNoCause();
    }

    @Test
    void keepsCause() {
        IllegalStateException cause = new IllegalStateException("database down");

        JitarException exception = new JitarException(503, MESSAGE, cause);

        assertThat(exception.status()).isEqualTo(503);
        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
    }

    @Test
    void acceptsTheBoundsOfTheErrorRange() {
        assertThat(new JitarException(400, MESSAGE).status()).isEqualTo(400);
        assertThat(new JitarException(599, MESSAGE).status()).isEqualTo(599);
    }

    @Test
    void refusesStatusBelowTheErrorRange() {
        assertThatThrownBy(() -> new JitarException(399, MESSAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be an HTTP error status, got 399");
    }

    @Test
    void refusesStatusAboveTheErrorRange() {
        assertThatThrownBy(() -> new JitarException(600, MESSAGE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be an HTTP error status, got 600");
    }

    @Test
    void refusesSuccessStatusEvenWithCause() {
        assertThatThrownBy(() -> new JitarException(200, MESSAGE, new RuntimeException()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 200");
    }
}
