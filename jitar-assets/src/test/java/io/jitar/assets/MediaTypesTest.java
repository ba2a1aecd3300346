package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void textTypesCarryUtf8() {
        assertThat(MediaTypes.forFileName("index.html")).isEqualTo("text/html;charset=utf-8");
        assertThat(MediaTypes.forFileName("site.css")).isEqualTo("text/css;charset=utf-8");
        assertThat(MediaTypes.forFileName("app.js")).isEqualTo("text/javascript;charset=utf-8");
        assertThat(MediaTypes.forFileName("module.mjs")).isEqualTo("text/javascript;charset=utf-8");
        assertThat(MediaTypes.forFileName("data.json")).isEqualTo("application/json;charset=utf-8");
        assertThat(MediaTypes.forFileName("app.js.map")).isEqualTo("application/json;charset=utf-8");
        assertThat(MediaTypes.forFileName("robots.txt")).isEqualTo("text/plain;charset=utf-8");
        assertThat(MediaTypes.forFileName("logo.svg")).isEqualTo("image/svg+xml;charset=utf-8");
    }

    @Test
    void binaryTypesHaveNoCharset() {
        assertThat(MediaTypes.forFileName("a.png")).isEqualTo("image/png");
        assertThat(MediaTypes.forFileName("a.jpg")).isEqualTo("image/jpeg");
        assertThat(MediaTypes.forFileName("a.jpeg")).isEqualTo("image/jpeg");
        assertThat(MediaTypes.forFileName("a.gif")).isEqualTo("image/gif");
        assertThat(MediaTypes.forFileName("a.webp")).isEqualTo("image/webp");
        assertThat(MediaTypes.forFileName("favicon.ico")).isEqualTo("image/x-icon");
        assertThat(MediaTypes.forFileName("f.woff")).isEqualTo("font/woff");
        assertThat(MediaTypes.forFileName("f.woff2")).isEqualTo("font/woff2");
        assertThat(MediaTypes.forFileName("m.wasm")).isEqualTo("application/wasm");
    }

    @Test
    void extensionIsCaseInsensitive() {
        assertThat(MediaTypes.forFileName("LOGO.PNG")).isEqualTo("image/png");
        assertThat(MediaTypes.forFileName("Index.Html")).isEqualTo("text/html;charset=utf-8");
    }

    @Test
    void unknownOrMissingExtensionIsOctetStream() {
        assertThat(MediaTypes.forFileName("archive.tar.gz")).isEqualTo(MediaTypes.DEFAULT);
        assertThat(MediaTypes.forFileName("README")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.forFileName("trailing.")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.forFileName("")).isEqualTo("application/octet-stream");
    }
}
