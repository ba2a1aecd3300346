package io.jitar.core.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HopByHopHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"Connection", "keep-alive", "PROXY-AUTHENTICATE", "Proxy-Authorization", "TE",
            "Trailer", "Trailers", "Transfer-Encoding", "Upgrade", "Host", "content-length", "Expect"})
    void recognizesHopByHopHeadersIgnoringCase(String name) {
        assertThat(HopByHopHeaders.isHopByHop(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "X-Jitar-Trust-Key", "X-Jitar-Procedure-Version", "Authorization", "Accept"})
    void keepsEndToEndHeaders(String name) {
        assertThat(HopByHopHeaders.isHopByHop(name)).isFalse();
    }

    @Test
    void forwardsEveryValueOfEndToEndHeadersInOrder() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("text/plain", "application/json"));
        headers.put("Transfer-Encoding", List.of("chunked"));
        headers.put("X-Jitar-Procedure-Version", List.of("1.0.0"));

        assertThat(forwarded(headers)).containsExactly("Accept: text/plain", "Accept: application/json",
                "X-Jitar-Procedure-Version: 1.0.0");
    }

    @Test
    void dropsHeadersNamedByConnection() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("connection", List.of("close, X-Private", " x-other "));
        headers.put("X-Private", List.of("secret"));
        headers.put("X-Other", List.of("other"));
        headers.put("X-Public", List.of("public"));

        assertThat(forwarded(headers)).containsExactly("X-Public: public");
    }

    @Test
    void noHeadersForwardNothing() {
        assertThat(forwarded(Map.of())).isEmpty();
        assertThat(HopByHopHeaders.namedByConnection(Map.of())).isEmpty();
    }

    private static List<String> forwarded(Map<String, List<String>> headers) {
        List<String> forwarded = new ArrayList<>();
        HopByHopHeaders.forEachEndToEnd(headers, (name, value) -> forwarded.add(name + ": " + value));
        return forwarded;
    }
}
