package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadRequestExceptionTest {

    private static final String MESSAGE = "Field 'name' is invalid";

    @Test
    void carriesStatus400() {
        BadRequestException exception = new BadRequestException(MESSAGE);

        assertThat(exception).isInstanceOf(JitarException.class).hasMessage(MESSAGE).hasNoCause();
        assertThat(exception.status()).isEqualTo(400);
    }

    @Test
    void keepsCause() {
        RuntimeException cause = new RuntimeException("underlying");

        BadRequestException exception = new BadRequestException(MESSAGE, cause);

        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
        assertThat(exception.status()).isEqualTo(400);
    }
}
