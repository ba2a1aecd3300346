package io.jitar.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetServerTest {

    private static final String INDEX = "<h1>index</h1>";
    private static final String SECRET = "top secret";

    @TempDir
    Path temp;

    private Path root;

    @BeforeEach
    void files() throws IOException {
        root = Files.createDirectories(temp.resolve("root"));
        write("index.html", INDEX);
        write("about.html", "<h1>about</h1>");
        write("assets/app.js", "console.log(1)");
        write("assets/img/logo.svg", "<svg/>");
        write("assets/.hidden.js", SECRET);
        write("notes.txt", SECRET);
        write(".env", SECRET);
        write("../outside.html", SECRET);
        Files.createSymbolicLink(root.resolve("link.html"), temp.resolve("outside.html"));
    }

    private void write(String name, String content) throws IOException {
        Path file = root.resolve(name).normalize();
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private AssetServer server(String... keysAndValues) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(AssetServerSettings.ASSETS, "*.html,assets/**/*"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        AssetServerSettings settings = AssetServerSettings.from(key -> Optional.ofNullable(values.get(key)));
        return AssetServer.of(new DirectoryAssetSource(root), settings);
    }

    private static String body(AssetAnswer answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            answer.writeBody(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static AssetAnswer get(AssetServer server, String path) {
        return server.serve(path, Map.of());
    }

    @Test
    void servesTheIndexForTheRootWithoutCaching() {
        AssetAnswer answer = get(server(), "/");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(body(answer)).isEqualTo(INDEX);
        assertThat(answer.headers()).containsEntry("Content-Type", "text/html;charset=utf-8")
                .containsEntry("Cache-Control", "no-cache").containsEntry("Content-Length", "14")
                .containsEntry("X-Content-Type-Options", "nosniff").containsKeys("ETag", "Last-Modified");
    }

    @Test
    void indexByNameIsNotCachedEither() {
        assertThat(get(server(), "/index.html").headers()).containsEntry("Cache-Control", "no-cache");
    }

    @Test
    void servesWhitelistedAssetsWithTypeValidatorsAndMaxAge() {
        AssetAnswer answer = get(server(), "/assets/img/logo.svg");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(body(answer)).isEqualTo("<svg/>");
        assertThat(answer.headers()).containsEntry("Content-Type", "image/svg+xml;charset=utf-8")
                .containsEntry("Cache-Control", "public, max-age=3600")
                .containsEntry("ETag", new DirectoryAssetSource(root).find(AssetPath.parse("assets/img/logo.svg")
                        .orElseThrow()).orElseThrow().entityTag());
        assertThat(answer.headers().get("Last-Modified")).endsWith(" GMT");
    }

    @Test
    void maximumAgeIsConfigurable() {
        AssetAnswer answer = get(server(AssetServerSettings.CACHE_MAX_AGE, "24h"), "/assets/app.js");

        assertThat(answer.headers()).containsEntry("Cache-Control", "public, max-age=86400");
    }

    @Test
    void existingFileOutsideTheWhitelistIsNotFound() {
        AssetAnswer answer = get(server(), "/notes.txt");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(body(answer)).isEqualTo("{\"message\":\"Not found: /notes.txt\",\"status\":404}");
        assertThat(answer.headers()).containsEntry("Content-Type", "application/json;charset=utf-8")
                .containsEntry("Cache-Control", "no-store").doesNotContainKey("ETag");
    }

    @Test
    void hiddenFilesAreNotFoundEvenBelowAWhitelistedFolder() {
        assertThat(get(server(), "/.env").status()).isEqualTo(404);
        assertThat(get(server(), "/assets/.hidden.js").status()).isEqualTo(404);
    }

    @Test
    void indexIsServableWithoutBeingWhitelisted() {
        AssetServer server = server(AssetServerSettings.ASSETS, "assets/**/*");

        assertThat(body(get(server, "/"))).isEqualTo(INDEX);
        assertThat(body(get(server, "/index.html"))).isEqualTo(INDEX);
        assertThat(get(server, "/about.html").status()).isEqualTo(404);
    }

    @Test
    void configuredIndexIsServedForTheRoot() {
        AssetAnswer answer = get(server(AssetServerSettings.INDEX, "about.html"), "/");

        assertThat(body(answer)).isEqualTo("<h1>about</h1>");
        assertThat(answer.headers()).containsEntry("Cache-Control", "no-cache");
    }

    @Test
    void missingIndexIsNotFound() {
        assertThat(get(server(AssetServerSettings.INDEX, "home.html"), "/").status()).isEqualTo(404);
    }

    @Test
    void traversalAttemptsAreNotFoundAndLeakNothing() {
        AssetServer server = server(AssetServerSettings.ASSETS, "**/*");
        for (String path : new String[] {"/../outside.html", "/%2e%2e/outside.html", "/assets/..%2F..%2Foutside.html",
                "//etc/passwd", "/link.html", "/..\\outside.html", "/outside.html%00.html", "/%252e%252e/outside.html",
                "/assets", "/assets/", "/.env"}) {
            AssetAnswer answer = get(server, path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(body(answer)).as(path).doesNotContain(SECRET).startsWith("{\"message\":\"Not found: ");
        }
    }

    @Test
    void errorMessageShowsThePathEscapedAndShortened() {
        String attack = "/<script>alert(1)</script>" + "a".repeat(100) + "?q=\"x\"";

        String body = body(get(server(), attack));

        assertThat(body).startsWith("{\"message\":\"Not found: /%3Cscript%3Ealert%281%29%3C/script%3Eaaa")
                .endsWith("...\",\"status\":404}").doesNotContain("<").doesNotContain("q=");
        assertThat(AssetServer.shown("/caf\u00e9 \"x\"")).isEqualTo("/caf%C3%A9%20%22x%22");
    }

    @Test
    void singlePageModeServesTheIndexForUnknownPaths() {
        AssetServer server = server(AssetServerSettings.SERVE_INDEX_ON_NOT_FOUND, "true");

        for (String path : new String[] {"/users/42", "/notes.txt", "/assets/missing.js", "/.env"}) {
            AssetAnswer answer = get(server, path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(body(answer)).as(path).isEqualTo(INDEX);
            assertThat(answer.headers()).as(path).containsEntry("Cache-Control", "no-cache");
        }
        assertThat(body(get(server, "/assets/app.js"))).isEqualTo("console.log(1)");
    }

    @Test
    void singlePageModeStillRefusesUnsafePaths() {
        AssetServer server = server(AssetServerSettings.SERVE_INDEX_ON_NOT_FOUND, "true");

        assertThat(get(server, "/../outside.html").status()).isEqualTo(404);
        assertThat(get(server, "/a%2Fb").status()).isEqualTo(404);
    }

    @Test
    void singlePageModeWithoutAnIndexIsNotFound() {
        AssetServer server = server(AssetServerSettings.SERVE_INDEX_ON_NOT_FOUND, "true",
                AssetServerSettings.INDEX, "home.html");

        assertThat(get(server, "/users/42").status()).isEqualTo(404);
    }

    @Test
    void matchingEntityTagAnswersNotModified() {
        AssetServer server = server();
        AssetAnswer first = get(server, "/assets/app.js");

        AssetAnswer second = server.serve("/assets/app.js", Map.of("if-none-match", first.headers().get("ETag")));

        assertThat(second.status()).isEqualTo(304);
        assertThat(second.hasBody()).isFalse();
        assertThat(second.headers()).containsEntry("ETag", first.headers().get("ETag"))
                .containsEntry("Cache-Control", "public, max-age=3600").doesNotContainKey("Content-Length");
    }

    @Test
    void unchangedSinceLastModifiedAnswersNotModified() {
        AssetServer server = server();
        String lastModified = get(server, "/").headers().get("Last-Modified");

        AssetAnswer answer = server.serve("/", Map.of("If-Modified-Since", lastModified));

        assertThat(answer.status()).isEqualTo(304);
        assertThat(answer.headers()).containsEntry("Cache-Control", "no-cache");
    }

    @Test
    void staleValidatorsGetTheContent() {
        AssetAnswer answer = server().serve("/assets/app.js",
                Map.of("If-None-Match", "W/\"0-0\"", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(body(answer)).isEqualTo("console.log(1)");
    }

    @Test
    void headHasTheHeadersOfGetWithoutBody() {
        AssetServer server = server();

        AssetAnswer head = server.serve("HEAD", "/assets/app.js", Map.of());
        AssetAnswer missing = server.serve("HEAD", "/nothing.js", Map.of());

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers()).isEqualTo(get(server, "/assets/app.js").headers());
        assertThat(head.hasBody()).isFalse();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.hasBody()).isFalse();
    }

    @Test
    void otherMethodsAreNotAllowed() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get"}) {
            AssetAnswer answer = server().serve(method, "/index.html", Map.of());
            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.headers()).as(method).containsEntry("Allow", "GET, HEAD");
            assertThat(body(answer)).as(method)
                    .isEqualTo("{\"message\":\"Method not allowed: use GET or HEAD\",\"status\":405}");
        }
    }

    @Test
    void zeroMaximumAgeRevalidatesEverything() {
        AssetServer server = server(AssetServerSettings.CACHE_MAX_AGE, "0s");

        assertThat(get(server, "/assets/app.js").headers()).containsEntry("Cache-Control", "no-cache");
        assertThat(new CachePolicy(Duration.ZERO).forAsset()).isEqualTo("no-cache");
    }
}
