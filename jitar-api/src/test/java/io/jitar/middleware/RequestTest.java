package io.jitar.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.Version;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTest {

    private static final String FQN = "game/checkSecret";
    private static final Version VERSION = Version.parse("1.2.0");
    private static final String TRUST_KEY_HEADER = "X-Jitar-Trust-Key";

    private static Request request(Map<String, Object> arguments, Map<String, String> headers) {
        return new Request(FQN, VERSION, arguments, headers);
    }

    @Test
    void keepsFqnAndVersion() {
        Request request = request(Map.of(), Map.of());

        assertThat(request.fqn()).isEqualTo(FQN);
        assertThat(request.version()).isEqualTo(VERSION);
    }

    @Test
    void refusesMissingFqnOrVersion() {
        assertThatThrownBy(() -> new Request(null, VERSION, Map.of(), Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("fqn");
        assertThatThrownBy(() -> new Request(FQN, null, Map.of(), Map.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("version");
    }

    @Test
    void headersAreCaseInsensitive() {
        Request request = request(Map.of(), Map.of(TRUST_KEY_HEADER, "s3cret"));

        assertThat(request.getHeader("x-jitar-trust-key")).isEqualTo("s3cret");

        request.setHeader("x-jitar-TRUST-key", "other");
        assertThat(request.headers()).containsExactly(Map.entry(TRUST_KEY_HEADER, "other"));

        request.removeHeader("X-JITAR-TRUST-KEY");
        assertThat(request.getHeader(TRUST_KEY_HEADER)).isNull();
    }

    @Test
    void argumentsKeepOrderAndCanBeChanged() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("secret", "open");
        arguments.put("attempt", 1);
        Request request = request(arguments, Map.of());

        request.setArgument("*user", "ann");
        request.setArgument("attempt", 2);
        request.removeArgument("secret");

        assertThat(request.arguments()).containsExactly(Map.entry("attempt", 2), Map.entry("*user", "ann"));
        assertThat(request.getArgument("*user")).isEqualTo("ann");
        assertThat(request.getArgument("secret")).isNull();
    }

    @Test
    void copiesGivenMaps() {
        Map<String, Object> arguments = new HashMap<>(Map.of("secret", "open"));
        Map<String, String> headers = new HashMap<>(Map.of(TRUST_KEY_HEADER, "s3cret"));
        Request request = request(arguments, headers);

        arguments.put("secret", "changed");
        headers.clear();

        assertThat(request.getArgument("secret")).isEqualTo("open");
        assertThat(request.getHeader(TRUST_KEY_HEADER)).isEqualTo("s3cret");
    }

    @Test
    void viewsAreReadOnly() {
        Request request = request(Map.of("secret", "open"), Map.of(TRUST_KEY_HEADER, "s3cret"));

        assertThatThrownBy(() -> request.arguments().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.headers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void argumentsViewFollowsChanges() {
        Request request = request(Map.of(), Map.of());
        Map<String, Object> view = request.arguments();

        request.setArgument("secret", "open");

        assertThat(view).containsEntry("secret", "open");
    }
}
