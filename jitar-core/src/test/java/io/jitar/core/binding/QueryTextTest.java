package io.jitar.core.binding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void keepsTextUnchanged() {
        assertThat(new QueryText(" 2024-05-01 ").text()).isEqualTo(" 2024-05-01 ");
    }

    @Test
    void equalsByText() {
        assertThat(new QueryText("3")).isEqualTo(new QueryText("3")).isNotEqualTo(new QueryText("4"));
    }
}
