package io.jitar.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.proxy.routing.HeaderRewriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** What an upstream gets of a client's headers: what the JDK client the proxy used before sent. */
class UpstreamHeadersTest {

    @Test
    void headersTheJdkClientRefusedAreLeftOutSilently() {
        Map<String, List<String>> client = new LinkedHashMap<>();
        client.put("host", List.of("public.example:8443"));
        client.put("Expect", List.of("100-continue"));
        client.put("X(bad)", List.of("name is not a token"));
        client.put("X-Control", List.of("a\u0001b"));
        client.put("X-Wide", List.of("\u0100"));
        client.put("X-Latin", List.of("caf\u00e9\tau lait"));
        client.put("Accept", List.of("text/plain"));

        List<String> sent = upstream(client);

        assertThat(sent).containsExactly("X-Latin: caf\u00e9\tau lait", "Accept: text/plain",
                "X-Forwarded-For: 10.0.0.9", "X-Forwarded-Proto: http", "X-Forwarded-Host: public.example:8443");
    }

    @Test
    void cookiesBecomeOneHeaderOtherRepeatedHeadersStayApart() {
        Map<String, List<String>> client = new LinkedHashMap<>();
        client.put("Cookie", List.of("a=1", "b=2"));
        client.put("X-Many", List.of("1", "2"));
        client.put("X-Jitar-Trust-Key", List.of("stolen"));

        List<String> sent = upstream(client);

        assertThat(sent).containsExactly("X-Many: 1", "X-Many: 2", "X-Forwarded-For: 10.0.0.9",
                "X-Forwarded-Proto: http", "Cookie: a=1; b=2");
    }

    @Test
    void sendableLikeTheJdkClient() {
        assertThat(UpstreamHeaders.isSendable("X-Ok_1.2~", "v")).isTrue();
        assertThat(UpstreamHeaders.isSendable("", "v")).isFalse();
        assertThat(UpstreamHeaders.isSendable("Content-Length", "1")).isFalse();
        assertThat(UpstreamHeaders.isSendable("UPGRADE", "h2c")).isFalse();
        for (char c : "\"(),/:;<=>?@[\\]{} \u00e9".toCharArray()) {
            assertThat(UpstreamHeaders.isSendable("X" + c, "v")).as("name with %s", c).isFalse();
        }
        assertThat(UpstreamHeaders.isSendable("X", "")).isTrue();
        assertThat(UpstreamHeaders.isSendable("X", "a\r\nInjected: yes")).isFalse();
        assertThat(UpstreamHeaders.isSendable("X", "\u007f")).isFalse();
        assertThat(UpstreamHeaders.isSendable("X", "\u00ff")).isTrue();
    }

    private static List<String> upstream(Map<String, List<String>> client) {
        HttpFields.Mutable fields = HttpFields.build();
        UpstreamHeaders.copy(new HeaderRewriter(false), client, "10.0.0.9", "http",
                client.containsKey("host") ? client.get("host").get(0) : null, fields);
        List<String> sent = fields.stream().map(HttpField::toString).toList();
        // The proxy starts a trace for a call that came without one (HeaderRewriterTest has the rules).
        assertThat(sent).filteredOn(h -> h.startsWith("traceparent: ")).singleElement().asString()
                .matches("traceparent: 00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        return sent.stream().filter(h -> !h.startsWith("traceparent: ")).toList();
    }
}
