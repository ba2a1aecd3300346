package io.jitar.repository.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Deployments;
import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.PayaraProcess;
import io.jitar.testing.RawHttp;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built repository.war on Payara Micro, deployed at the root context as in production: the
 * packaged default assets plus a few test files, every secret file marked with {@value #SECRET}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RepositoryIT {

    private static final String SECRET = "SECRET-MARKER";
    private static final String APP_JS = "export const answer = 42;\n";
    private static final String PACKAGED = "WEB-INF/assets/";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(Deployments.builtWar("repository"));
        war.add(new StringAsset(APP_JS), PACKAGED + "assets/app.js");
        war.add(new StringAsset("body { color: red; }"), PACKAGED + "assets/css/site.css");
        war.add(new StringAsset(SECRET + " notes"), PACKAGED + "notes.txt");
        war.add(new StringAsset(SECRET + " env"), PACKAGED + ".env");
        war.add(new StringAsset(SECRET + " hidden"), PACKAGED + "assets/.secret.js");
        war.add(new StringAsset(SECRET + " war root"), "leak.html");
        war.add(new StringAsset(SECRET + " web-inf"), "WEB-INF/secret.html");
        return war;
    }

    private String url(String path) {
        return Deployments.url(base, path);
    }

    private HttpResponse<String> get(String path, String... headers) {
        var request = Http.request(url(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Http.send(request.build());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"message\":\"" + message + "\",\"status\":" + status + "}");
        assertThat(header(response, "Content-Type")).isEqualToIgnoringCase("application/json;charset=utf-8");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void rootServesThePackagedIndexWithoutCaching() {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Jitar repository</title>").contains("jitar.repository.asset-root");
        assertThat(header(response, "Content-Type")).isEqualToIgnoringCase("text/html;charset=utf-8");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
        assertThat(header(response, "ETag")).startsWith("W/\"");
        assertThat(header(response, "Last-Modified")).endsWith(" GMT");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(get("/index.html").body()).isEqualTo(response.body());
    }

    @Test
    void whitelistedAssetHasItsTypeValidatorsAndMaxAge() {
        HttpResponse<String> script = get("/assets/app.js");
        HttpResponse<String> style = get("/assets/css/site.css");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).isEqualTo(APP_JS);
        assertThat(header(script, "Content-Type")).isEqualToIgnoringCase("text/javascript;charset=utf-8");
        assertThat(header(script, "Content-Length")).isEqualTo(String.valueOf(APP_JS.length()));
        assertThat(header(script, "Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(header(script, "ETag")).matches("W/\"[0-9a-f]+-[0-9a-f]+\"");
        assertThat(header(script, "Last-Modified")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(style.body()).isEqualTo("body { color: red; }");
        assertThat(header(style, "Content-Type")).isEqualToIgnoringCase("text/css;charset=utf-8");
    }

    @Test
    void matchingEntityTagAnswersNotModified() {
        String entityTag = header(get("/assets/app.js"), "ETag");

        HttpResponse<String> response = get("/assets/app.js", "If-None-Match", entityTag);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "ETag")).isEqualTo(entityTag);
        assertThat(header(response, "Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(get("/assets/app.js", "If-None-Match", "W/\"0-0\"").statusCode()).isEqualTo(200);
    }

    @Test
    void unchangedSinceLastModifiedAnswersNotModified() {
        String lastModified = header(get("/"), "Last-Modified");

        HttpResponse<String> response = get("/", "If-Modified-Since", lastModified);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
        assertThat(get("/", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode()).isEqualTo(200);
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutBody() {
        HttpResponse<String> response = Http.send(Http.request(url("/assets/app.js"))
                .method("HEAD", BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(APP_JS.length()));
        assertThat(header(response, "ETag")).isEqualTo(header(get("/assets/app.js"), "ETag"));
    }

    @Test
    void missingFileIsNotFoundAsShortJson() {
        assertJsonError(get("/assets/missing.js"), 404, "Not found: /assets/missing.js");
    }

    @Test
    void existingFilesOutsideTheWhitelistAreNotFound() {
        for (String path : List.of("/notes.txt", "/.env", "/assets/.secret.js", "/leak.html", "/WEB-INF/secret.html",
                "/WEB-INF/assets/notes.txt", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/x.jsp")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).startsWith("{\"message\":\"Not found").doesNotContain(SECRET);
            assertThat(header(response, "Content-Type")).as(path).startsWith("application/json");
        }
    }

    @Test
    void traversalAttemptsNeverLeakAFile() {
        int port = base.getPort();
        for (String target : List.of("/../WEB-INF/secret.html", "/assets/../../WEB-INF/secret.html",
                "/%2e%2e/WEB-INF/secret.html", "/assets/%2E%2E/notes.txt", "/assets/..%2Fnotes.txt",
                "/assets%2F..%2Fnotes.txt", "/..%5Cnotes.txt", "/assets\\..\\notes.txt", "/notes.txt%00.js",
                "/index.html%00", "/%252e%252e/notes.txt", "//WEB-INF/secret.html", "/./notes.txt", "/assets/",
                "/assets", "/%2e/notes.txt", "/assets/.%2esecret.js", "/C:/Windows/win.ini", "/assets/app.js/..")) {
            RawHttp.Answer answer = RawHttp.get(port, target);
            assertThat(answer.status()).as(target).isBetween(400, 499);
            assertThat(answer.text()).as(target).doesNotContain(SECRET).doesNotContainIgnoringCase("<html")
                    .doesNotContain("export const").doesNotContain("Exception");
        }
    }

    @Test
    void otherMethodsAreNotAllowed() {
        HttpResponse<String> post = Http.send(Http.request(url("/index.html")).POST(BodyPublishers.ofString("x")).build());
        HttpResponse<String> delete = Http.send(Http.request(url("/index.html")).DELETE().build());

        assertJsonError(post, 405, "Method not allowed: use GET or HEAD");
        assertThat(header(post, "Allow")).isEqualTo("GET, HEAD");
        assertThat(delete.statusCode()).isEqualTo(405);
    }

    @Test
    void healthStaysReadyAtTheRootAfterBadRequests() {
        RawHttp.get(base.getPort(), "/../../etc/passwd");
        Http.send(Http.request(url("/")).PUT(BodyPublishers.ofString("x")).build());

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"").contains("\"name\":\"jitar-repository\"");
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    /**
     * A second configuration, in its own Payara Micro at the root context: assets from a folder on
     * disk (with a link that leads outside it), another index and single-page-application mode, all
     * set through environment variables.
     */
    @Test
    void singlePageApplicationFromAFolderOnDisk() throws IOException {
        Path folder = Files.createTempDirectory(Path.of("target"), "spa").toAbsolutePath();
        Path root = Files.createDirectories(folder.resolve("dist"));
        Files.writeString(root.resolve("main.html"), "<p>spa</p>");
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/main.js"), "start();");
        Files.writeString(folder.resolve("outside.js"), SECRET);
        Files.createSymbolicLink(root.resolve("app/link.js"), folder.resolve("outside.js"));
        Map<String, String> environment = Map.of("JITAR_REPOSITORY_ASSET_ROOT", root.toString(),
                "JITAR_REPOSITORY_ASSETS", "*.html, app/**/*", "JITAR_REPOSITORY_INDEX", "main.html",
                "JITAR_REPOSITORY_SERVE_INDEX_ON_NOT_FOUND", "true", "JITAR_REPOSITORY_CACHE_MAX_AGE", "10m");

        try (PayaraProcess spa = PayaraProcess.start("repository-spa", Path.of("target/repository.war"),
                FreePorts.next(), environment).awaitReady(Duration.ofMinutes(3))) {
            HttpResponse<String> index = Http.get(spa.url() + "/");
            HttpResponse<String> route = Http.get(spa.url() + "/users/42/edit");
            HttpResponse<String> script = Http.get(spa.url() + "/app/main.js");
            HttpResponse<String> link = Http.get(spa.url() + "/app/link.js");
            RawHttp.Answer traversal = RawHttp.get(spa.port(), "/%2e%2e/outside.js");

            assertThat(index.body()).isEqualTo("<p>spa</p>");
            assertThat(route.statusCode()).isEqualTo(200);
            assertThat(route.body()).isEqualTo("<p>spa</p>");
            assertThat(header(route, "Cache-Control")).isEqualTo("no-cache");
            assertThat(script.body()).isEqualTo("start();");
            assertThat(header(script, "Cache-Control")).isEqualTo("public, max-age=600");
            assertThat(link.body()).isEqualTo("<p>spa</p>");
            assertThat(traversal.status()).isBetween(400, 499);
            assertThat(traversal.text()).doesNotContain(SECRET);
            assertThat(Http.get(spa.url() + "/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrongSettingStopsTheDeploymentNamingTheKey() {
        Map<String, String> environment = Map.of("JITAR_REPOSITORY_ASSETS", "*.html,[oops");

        try (PayaraProcess broken = PayaraProcess.start("repository-broken", Path.of("target/repository.war"),
                FreePorts.next(), environment)) {
            broken.awaitLog("Invalid value for 'jitar.repository.assets' ('*.html,[oops'): Invalid asset pattern '[oops'",
                    Duration.ofMinutes(3)).awaitLog("ready in", Duration.ofMinutes(1));

            assertThat(Http.get(broken.url() + "/").statusCode()).isNotEqualTo(200);
            assertThat(Http.get(broken.url() + "/health/ready").statusCode()).isNotEqualTo(200);
        }
    }
}
