package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForbiddenExceptionTest {

    private static final String MESSAGE = "Only admins may do this";

    @Test
    void carriesStatus403() {
        ForbiddenException exception = new ForbiddenException(MESSAGE);

        assertThat(exception).isInstanceOf(JitarException.class).hasMessage(MESSAGE).hasNoCause();
        assertThat(exception.status()).isEqualTo(403);
    }

    @Test
    void keepsCause() {
        RuntimeException cause = new RuntimeException("underlying");

        ForbiddenException exception = new ForbiddenException(MESSAGE, cause);

        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
        assertThat(exception.status()).isEqualTo(403);
    }
}
