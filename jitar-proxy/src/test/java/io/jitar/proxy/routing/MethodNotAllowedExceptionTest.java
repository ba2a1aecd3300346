package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodNotAllowedExceptionTest {

    @Test
    void namesTheMethodAndWhatIsAllowed() {
        MethodNotAllowedException exception = new MethodNotAllowedException("PUT", List.of("GET", "HEAD"));

        assertThat(exception.status()).isEqualTo(405);
        assertThat(exception).hasMessage("Method PUT is not allowed here; allowed: GET, HEAD");
        assertThat(exception.method()).isEqualTo("PUT");
        assertThat(exception.allowed()).containsExactly("GET", "HEAD");
        assertThat(exception.allowHeader()).isEqualTo("GET, HEAD");
    }

    @Test
    void doesNotEchoMethodsThatAreNoTokens() {
        assertThat(new MethodNotAllowedException("A\"B", List.of("GET")))
                .hasMessageStartingWith("Method (unprintable) is not allowed");
        assertThat(new MethodNotAllowedException("X".repeat(21), List.of("GET")))
                .hasMessageStartingWith("Method (unprintable) is not allowed");
    }
}
