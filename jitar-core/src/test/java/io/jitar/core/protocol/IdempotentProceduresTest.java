package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotentProceduresTest {

    private final IdempotentProcedures procedures = new IdempotentProcedures();

    @Test
    void onlyWhatAGatewaySaidIsIdempotentIsAndAnAnswerWithoutItTakesItBack() {
        assertThat(procedures.isIdempotent("shop/list")).isFalse();

        procedures.answered("shop/list", true);
        procedures.answered("shop/order", false);
        assertThat(procedures.isIdempotent("shop/list")).isTrue();
        assertThat(procedures.isIdempotent("shop/order")).isFalse();

        procedures.answered("shop/list", false);
        assertThat(procedures.isIdempotent("shop/list")).isFalse();
    }

    @Test
    void learnsNoMoreThanTheLimit() {
        for (int i = 0; i < IdempotentProcedures.LIMIT + 5; i++) {
            procedures.answered("p/" + i, true);
        }
        assertThat(procedures.isIdempotent("p/0")).isTrue();
        assertThat(procedures.isIdempotent("p/" + (IdempotentProcedures.LIMIT + 1))).isFalse();
    }
}
