package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotImplementedExceptionTest {

    private static final String MESSAGE = "Not yet";

    @Test
    void carriesStatus501() {
        NotImplementedException exception = new NotImplementedException(MESSAGE);

        assertThat(exception).isInstanceOf(JitarException.class).hasMessage(MESSAGE).hasNoCause();
        assertThat(exception.status()).isEqualTo(501);
    }

    @Test
    void keepsCause() {
        RuntimeException cause = new RuntimeException("underlying");

        NotImplementedException exception = new NotImplementedException(MESSAGE, cause);

        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
        assertThat(exception.status()).isEqualTo(501);
    }
}
