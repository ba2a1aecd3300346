package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UriTextTest {

    @Test
    void returnsTheSameStringWhenNothingNeedsEscaping() {
        String text = "/rpc/a-b_c.d~e!$&'()*+,;=:@%20";

        assertThat(UriText.escape(text, UriText.PATH, "path")).isSameAs(text);
    }

    @Test
    void queryMayHoldQuestionMarksButPathMayNot() {
        assertThat(UriText.escape("a=?", UriText.QUERY, "query")).isEqualTo("a=?");
        assertThatThrownBy(() -> UriText.escape("/a?", UriText.PATH, "path")).isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void escapesPrintableAsciiThatClientsLeaveUnescaped() {
        assertThat(UriText.escape(" \"<>\\^`{|}[]#", UriText.QUERY, "query"))
                .isEqualTo("%20%22%3C%3E%5C%5E%60%7B%7C%7D%5B%5D%23");
    }

    @Test
    void decodesBytesOneCharEach() {
        assertThat(UriText.decode("%2e%2E%2f%C3%A9x")).isEqualTo("../\u00c3\u00a9x");
        assertThat(UriText.decode("plain")).isEqualTo("plain");
    }

    @Test
    void checksEscapesAtTheEnd() {
        assertThatThrownBy(() -> UriText.escape("/a%2", UriText.PATH, "path")).isInstanceOf(MalformedRequestException.class);
        assertThatThrownBy(() -> UriText.escape("/a%", UriText.PATH, "path")).isInstanceOf(MalformedRequestException.class);
        assertThat(UriText.escape("/a%2F", UriText.PATH, "path")).isEqualTo("/a%2F");
    }
}
