package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AssetPathTest {

    private static AssetPath parsed(String raw) {
        return AssetPath.parse(raw).orElseThrow(() -> new AssertionError("refused: " + raw));
    }

    @Test
    void slashAndEmptyAreTheRoot() {
        assertThat(parsed("/").isRoot()).isTrue();
        assertThat(parsed("").isRoot()).isTrue();
        assertThat(parsed("/?page=2").isRoot()).isTrue();
        assertThat(parsed("/").toString()).isEmpty();
        assertThat(parsed("/").fileName()).isEmpty();
    }

    @Test
    void splitsIntoSegmentsWithOrWithoutLeadingSlash() {
        assertThat(parsed("/assets/app.js").segments()).containsExactly("assets", "app.js");
        assertThat(parsed("assets/app.js")).isEqualTo(parsed("/assets/app.js"));
        assertThat(parsed("/assets/app.js").toString()).isEqualTo("assets/app.js");
        assertThat(parsed("/assets/app.js").fileName()).isEqualTo("app.js");
    }

    @Test
    void ignoresQueryAndFragment() {
        assertThat(parsed("/index.html?v=1#top").segments()).containsExactly("index.html");
        assertThat(parsed("/a.css#x?y").segments()).containsExactly("a.css");
    }

    @Test
    void decodesPercentEscapesOnce() {
        assertThat(parsed("/my%20file.txt").fileName()).isEqualTo("my file.txt");
        assertThat(parsed("/caf%C3%A9.html").fileName()).isEqualTo("café.html");
        assertThat(parsed("/café.html").fileName()).isEqualTo("café.html");
        assertThat(parsed("/%41%62c").fileName()).isEqualTo("Abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/../etc/passwd", "/assets/../../etc/passwd", "/assets/..", "/./index.html",
            "/assets/./app.js", "/%2e%2e/etc/passwd", "/%2E%2E/x", "/.%2e/x", "/%2e/x", "/assets/%2e%2e/%2e%2e/x"})
    void refusesDotSegmentsPlainOrEncoded(String raw) {
        assertThat(AssetPath.parse(raw)).as(raw).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets%2Fapp.js", "/assets%2fapp.js", "/..%2Fetc%2Fpasswd", "/assets%5Capp.js",
            "/..%5c..%5cwindows", "/assets\\app.js", "/..\\..\\etc\\passwd"})
    void refusesBackslashesAndEncodedSeparators(String raw) {
        assertThat(AssetPath.parse(raw)).as(raw).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//etc/passwd", "///etc/passwd", "/assets//app.js", "/assets/", "/C:/windows/win.ini",
            "/c:", "/file.txt::$DATA"})
    void refusesAbsolutePathsEmptySegmentsAndDriveLetters(String raw) {
        assertThat(AssetPath.parse(raw)).as(raw).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html%00.png", "/index.html\u0000", "/a%0Ab", "/a%0d%0aSet-Cookie:x", "/a%7F",
            "/\tindex.html"})
    void refusesNulAndControlCharacters(String raw) {
        assertThat(AssetPath.parse(raw)).as(raw).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%252e%252e/x", "/%25", "/100%25.html", "/%", "/%2", "/%zz", "/%2g", "/%C3", "/%FF%FE",
            "/%C0%AE%C0%AE/x", "/%\uFF11\uFF11"})
    void refusesDoubleEncodingMalformedEscapesAndInvalidUtf8(String raw) {
        assertThat(AssetPath.parse(raw)).as(raw).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(AssetPath.parse(null)).isEmpty();
    }

    @Test
    void dotsInsideNamesAreFine() {
        assertThat(parsed("/app.min.js").fileName()).isEqualTo("app.min.js");
        assertThat(parsed("/...").fileName()).isEqualTo("...");
        assertThat(parsed("/a..b/c").segments()).containsExactly("a..b", "c");
    }

    @Test
    void knowsHiddenSegments() {
        assertThat(parsed("/.env").isHidden()).isTrue();
        assertThat(parsed("/.git/config").isHidden()).isTrue();
        assertThat(parsed("/assets/.secret/x.js").isHidden()).isTrue();
        assertThat(parsed("/assets/app.js").isHidden()).isFalse();
        assertThat(parsed("/").isHidden()).isFalse();
    }

    @Test
    void equalsBySegments() {
        assertThat(parsed("/a/b")).isEqualTo(parsed("a/%62")).hasSameHashCodeAs(parsed("a/b"));
        assertThat(parsed("/a/b")).isNotEqualTo(parsed("/a/c"));
        assertThat(parsed("/a/b").segments()).isEqualTo(List.of("a", "b"));
    }
}
