package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitarHeadersTest {

    @Test
    void namesMatchTheOriginalProtocol() {
        assertThat(JitarHeaders.PROCEDURE_VERSION).isEqualTo("X-Jitar-Procedure-Version");
        assertThat(JitarHeaders.TRUST_KEY).isEqualTo("X-Jitar-Trust-Key");
        assertThat(JitarHeaders.CONTENT_TYPE).isEqualTo("X-Jitar-Content-Type");
    }
}
