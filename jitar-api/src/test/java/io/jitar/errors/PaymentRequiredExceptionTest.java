package io.jitar.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentRequiredExceptionTest {

    private static final String MESSAGE = "Subscription expired";

    @Test
    void carriesStatus402() {
        PaymentRequiredException exception = new PaymentRequiredException(MESSAGE);

        assertThat(exception).isInstanceOf(JitarException.class).hasMessage(MESSAGE).hasNoCause();
        assertThat(exception.status()).isEqualTo(402);
    }

    @Test
    void keepsCause() {
        RuntimeException cause = new RuntimeException("underlying");

        PaymentRequiredException exception = new PaymentRequiredException(MESSAGE, cause);

        assertThat(exception).hasMessage(MESSAGE).hasCause(cause);
        assertThat(exception.status()).isEqualTo(402);
    }
}
