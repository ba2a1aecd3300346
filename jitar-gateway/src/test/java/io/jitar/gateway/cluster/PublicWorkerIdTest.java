package io.jitar.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicWorkerIdTest {

    @Test
    void isSixteenHexDigitsOfTheIdsSha256AndNeverTheIdItself() {
        String id = "3d50cd03-dd30-417a-abb0-4e78f81923b6";

        // printf %s 3d50cd03-dd30-417a-abb0-4e78f81923b6 | sha256sum | cut -c1-16
        assertThat(PublicWorkerId.of(id)).isEqualTo("503425d1ff242541");
        assertThat(PublicWorkerId.of("3d50cd03-dd30-417a-abb0-4e78f81923b7")).isNotEqualTo("503425d1ff242541")
                .matches("[0-9a-f]{16}");
    }
}
