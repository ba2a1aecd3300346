package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnauthorizedExceptionTest {

    private static final String MESSAGE = "Log in first";

    @Test
    void carriesStatus401() {
        UnauthorizedException exception = new UnauthorizedException(MESSAGE);

        assertThat(exception).isInstanceOf(JitarException.class).hasMessage(MESSAGE).hasNoCause();
        assertThat(exception.status()).isEqualTo(401);
    }

    @Test
    void keepsCause() {
        RuntimeException cause = new RuntimeException("underlying");

        UnauthorizedException exception = new UnauthorizedException(MESSAGE, cause);

        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
        assertThat(exception.status()).isEqualTo(401);
    }
}
