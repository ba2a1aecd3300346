package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssetWhitelistTest {

    private static AssetPath path(String raw) {
        return AssetPath.parse(raw).orElseThrow();
    }

    private static AssetWhitelist whitelist(String... patterns) {
        return AssetWhitelist.of(List.of(patterns));
    }

    @Test
    void starMatchesTopLevelFilesOnly() {
        AssetWhitelist html = whitelist("*.html");

        assertThat(html.allows(path("index.html"))).isTrue();
        assertThat(html.allows(path("about.html"))).isTrue();
        assertThat(html.allows(path("pages/about.html"))).isFalse();
        assertThat(html.allows(path("index.htm"))).isFalse();
    }

    @Test
    void doubleStarFolderMatchesZeroOrMoreFolders() {
        AssetWhitelist assets = whitelist("assets/**/*");

        assertThat(assets.allows(path("assets/logo.svg"))).isTrue();
        assertThat(assets.allows(path("assets/img/logo.svg"))).isTrue();
        assertThat(assets.allows(path("assets/a/b/c/d.js"))).isTrue();
        assertThat(assets.allows(path("other/logo.svg"))).isFalse();
        assertThat(assets.allows(path("assets"))).isFalse();
    }

    @Test
    void leadingDoubleStarMatchesEveryDepthIncludingTheTop() {
        AssetWhitelist css = whitelist("**/*.css");

        assertThat(css.allows(path("site.css"))).isTrue();
        assertThat(css.allows(path("a/b/site.css"))).isTrue();
        assertThat(css.allows(path("a/b/site.js"))).isFalse();
    }

    @Test
    void expandsEachWholeSegmentDoubleStar() {
        assertThat(AssetWhitelist.expandAnyFolders("a/**/b/**/*.js"))
                .containsExactlyInAnyOrder("a/**/b/**/*.js", "a/b/**/*.js", "a/**/b/*.js", "a/b/*.js");
        assertThat(AssetWhitelist.expandAnyFolders("x**/y")).containsExactly("x**/y");
        assertThat(AssetWhitelist.expandAnyFolders("index.html")).containsExactly("index.html");
    }

    @Test
    void supportsExactNamesAlternativesAndCharacterClasses() {
        AssetWhitelist list = whitelist("robots.txt", "*.{png,jpg}", "v[0-9].js");

        assertThat(list.allows(path("robots.txt"))).isTrue();
        assertThat(list.allows(path("a.png"))).isTrue();
        assertThat(list.allows(path("a.jpg"))).isTrue();
        assertThat(list.allows(path("v1.js"))).isTrue();
        assertThat(list.allows(path("vx.js"))).isFalse();
        assertThat(list.allows(path("secrets.txt"))).isFalse();
    }

    @Test
    void wildcardsNeverMatchHiddenNames() {
        AssetWhitelist broad = whitelist("*", "**/*", "assets/**/*", "*.html");

        assertThat(broad.allows(path(".env"))).isFalse();
        assertThat(broad.allows(path(".html"))).isFalse();
        assertThat(broad.allows(path(".git/config"))).isFalse();
        assertThat(broad.allows(path("assets/.secret.js"))).isFalse();
        assertThat(broad.allows(path("assets/.cache/x.js"))).isFalse();
        assertThat(broad.allows(path("assets/x.js"))).isTrue();
    }

    @Test
    void hiddenNamesWrittenLiterallyAreAllowed() {
        AssetWhitelist wellKnown = whitelist(".well-known/**/*", "assets/.htaccess");

        assertThat(wellKnown.allows(path(".well-known/security.txt"))).isTrue();
        assertThat(wellKnown.allows(path("assets/.htaccess"))).isTrue();
        assertThat(wellKnown.allows(path(".well-known/.hidden"))).isFalse();
        assertThat(wellKnown.allows(path(".git/config"))).isFalse();
    }

    @Test
    void neverAllowsTheRootPath() {
        assertThat(whitelist("**").allows(path("/"))).isFalse();
    }

    @Test
    void emptyWhitelistAllowsNothing() {
        AssetWhitelist empty = AssetWhitelist.parse(" , ");

        assertThat(empty.patterns()).isEmpty();
        assertThat(empty.allows(path("index.html"))).isFalse();
    }

    @Test
    void parsesCommaSeparatedPatternsTrimmed() {
        AssetWhitelist list = AssetWhitelist.parse(" *.html , assets/**/* ,");

        assertThat(list.patterns()).containsExactly("*.html", "assets/**/*");
        assertThat(list).hasToString("*.html,assets/**/*");
    }

    @Test
    void commasInsideBracesBelongToThePattern() {
        AssetWhitelist list = AssetWhitelist.parse("*.html,*.{png,jpg},assets/{a,b}/*");

        assertThat(list.patterns()).containsExactly("*.html", "*.{png,jpg}", "assets/{a,b}/*");
        assertThat(list.allows(path("x.jpg"))).isTrue();
        assertThat(list.allows(path("assets/b/x.js"))).isTrue();
    }

    @Test
    void refusesInvalidGlobsNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> whitelist("*.html", "[a"))
                .withMessageStartingWith("Invalid asset pattern '[a'");
        assertThatIllegalArgumentException().isThrownBy(() -> whitelist("{a,b"))
                .withMessageContaining("'{a,b'");
    }

    @Test
    void refusesPatternsThatLeaveTheRoot() {
        for (String pattern : List.of("/etc/*", "../*", "assets/../*", "./*.html", "assets\\*.js")) {
            assertThatIllegalArgumentException().as(pattern).isThrownBy(() -> whitelist(pattern))
                    .withMessageContaining("'" + pattern + "'")
                    .withMessageContaining("relative to the asset root");
        }
    }
}
