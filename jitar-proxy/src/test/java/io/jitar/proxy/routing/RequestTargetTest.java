package io.jitar.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void keepsPathAndQueryAsTheyCame() {
        RequestTarget target = RequestTarget.parse("/rpc/greetings/sayHello", "name=J%C3%B6rg&x=a%2Fb");

        assertThat(target.path()).isEqualTo("/rpc/greetings/sayHello");
        assertThat(target.query()).isEqualTo("name=J%C3%B6rg&x=a%2Fb");
        assertThat(target.firstSegment()).isEqualTo("rpc");
    }

    @ParameterizedTest
    @CsvSource({"/rpc/x, rpc", "/%72pc/x, rpc", "/rpc;jsessionid=1/x, rpc", "/, ''", "/index.html, index.html",
            "/RPC/x, RPC", "/rpcx/y, rpcx"})
    void firstSegmentIsDecodedWithoutPathParameters(String path, String first) {
        assertThat(RequestTarget.parse(path, null).firstSegment()).isEqualTo(first);
    }

    @Test
    void missingPathIsTheRoot() {
        assertThat(RequestTarget.parse(null, null).path()).isEqualTo("/");
        assertThat(RequestTarget.parse("", null).path()).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/../rpc/x", "/assets/..", "/./rpc", "/assets/%2e%2e/rpc/x", "/assets/%2E./rpc",
            "/..;/rpc/x", "/assets/.;x=1/y"})
    void refusesDotSegments(String path) {
        assertThatThrownBy(() -> RequestTarget.parse(path, null))
                .isInstanceOf(MalformedRequestException.class)
                .hasMessage("Malformed URL: '.' and '..' path segments are not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/..%2Frpc/x", "/rpc%2fx", "/assets/%5Crpc", "/a\\b"})
    void refusesEncodedSlashesAndBackslashes(String path) {
        assertThatThrownBy(() -> RequestTarget.parse(path, null))
                .isInstanceOf(MalformedRequestException.class)
                .hasMessage("Malformed URL: encoded slashes and backslashes are not allowed");
    }

    @Test
    void refusesEmptySegmentsButNotATrailingSlash() {
        assertThatThrownBy(() -> RequestTarget.parse("/assets//rpc/x", null))
                .isInstanceOf(MalformedRequestException.class).hasMessageContaining("empty path segment");
        assertThatThrownBy(() -> RequestTarget.parse("//rpc/x", null))
                .isInstanceOf(MalformedRequestException.class);
        assertThat(RequestTarget.parse("/assets/", null).path()).isEqualTo("/assets/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%00b", "/a%0Ab", "/a%7f"})
    void refusesEncodedControlCharacters(String path) {
        assertThatThrownBy(() -> RequestTarget.parse(path, null))
                .isInstanceOf(MalformedRequestException.class).hasMessageContaining("control characters");
    }

    @Test
    void refusesAPathThatDoesNotStartWithASlash() {
        assertThatThrownBy(() -> RequestTarget.parse("*", null))
                .isInstanceOf(MalformedRequestException.class).hasMessage("Malformed URL: the path must start with '/'");
    }

    @Test
    void refusesBadEscapesAndUnencodedCharactersInPathAndQuery() {
        assertThatThrownBy(() -> RequestTarget.parse("/a%zz", null)).isInstanceOf(MalformedRequestException.class)
                .hasMessage("Malformed URL: bad percent-encoding in the path");
        assertThatThrownBy(() -> RequestTarget.parse("/caf\u00e9", null)).isInstanceOf(MalformedRequestException.class)
                .hasMessage("Malformed URL: the path holds a character that must be percent-encoded");
        assertThatThrownBy(() -> RequestTarget.parse("/rpc/x", "a=%4")).isInstanceOf(MalformedRequestException.class)
                .hasMessage("Malformed URL: bad percent-encoding in the query");
        assertThatThrownBy(() -> RequestTarget.parse("/rpc/x", "a=\tb")).isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void escapesPrintableCharactersAUriDoesNotAllow() {
        RequestTarget target = RequestTarget.parse("/a b/{x}", "q=a|b&r=\"c\"");

        assertThat(target.path()).isEqualTo("/a%20b/%7Bx%7D");
        assertThat(target.query()).isEqualTo("q=a%7Cb&r=%22c%22");
    }
}
