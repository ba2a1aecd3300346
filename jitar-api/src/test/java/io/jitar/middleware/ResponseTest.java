package io.jitar.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.ForbiddenException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseTest {

    @Test
    void keepsStatusAndResult() {
        Response response = new Response(200, "ok");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result()).isEqualTo("ok");
        assertThat(response.isError()).isFalse();
    }

    @Test
    void middlewareCanReplaceStatusAndResult() {
        Response response = new Response(200, "ok");

        response.setStatus(201);
        response.setResult(42);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.result()).isEqualTo(42);
    }

    @Test
    void throwableResultIsError() {
        assertThat(new Response(403, new ForbiddenException("No")).isError()).isTrue();
        assertThat(new Response(200, null).isError()).isFalse();
    }

    @Test
    void headersAreCaseInsensitiveAndReadOnlyView() {
        Response response = new Response(200, null);

        response.setHeader("Location", "/a");
        response.setHeader("location", "/b");

        assertThat(response.getHeader("LOCATION")).isEqualTo("/b");
        assertThat(response.headers()).containsExactly(Map.entry("Location", "/b"));
        assertThatThrownBy(() -> response.headers().clear()).isInstanceOf(UnsupportedOperationException.class);

        response.removeHeader("LoCaTiOn");
        assertThat(response.headers()).isEmpty();
    }
}
