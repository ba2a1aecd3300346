package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void valuesMatchTheOriginalProtocol() {
        assertThat(ContentTypes.NULL).isEqualTo("application/null");
        assertThat(ContentTypes.UNDEFINED).isEqualTo("application/undefined");
        assertThat(ContentTypes.BOOLEAN).isEqualTo("application/boolean");
        assertThat(ContentTypes.NUMBER).isEqualTo("application/number");
        assertThat(ContentTypes.JSON).isEqualTo("application/json");
        assertThat(ContentTypes.TEXT).isEqualTo("text/plain");
    }
}
