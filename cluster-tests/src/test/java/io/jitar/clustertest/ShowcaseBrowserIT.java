package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.Http;
import io.jitar.testing.PrometheusText;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The showcase in its cluster topology (repository, gateway, two heavy workers, one worker for the
 * rest, proxy — as {@code ./run cluster showcase} starts it), used the way a newcomer does: in a
 * real browser, through the proxy. Screenshots land in target/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShowcaseBrowserIT {

    private ClusterScript cluster;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        cluster = ClusterScript.start("showcase", Map.of("JITAR_PROXY_TIMEOUT", "5s"));
        assertThat(cluster.services()).containsKeys("repository", "gateway", "worker1", "worker2", "worker3", "proxy");
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private void open(String page) {
        browser.get(cluster.service("proxy").url() + page);
        wait.until(d -> !d.findElements(By.id("heavy-button")).isEmpty() || !d.findElements(By.id("workers")).isEmpty());
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void countPrimesUpTo(String limit) {
        WebElement input = byId("limit-input");
        input.clear();
        input.sendKeys(limit);
        byId("heavy-button").click();
    }

    private void runBurst() {
        byId("burst-button").click();
        wait.until(d -> {
            WebElement summary = d.findElement(By.id("burst-summary"));
            return summary.getAttribute("data-size") != null && summary.getAttribute("data-size").equals(summary.getAttribute("data-done"));
        });
    }

    @Test
    @Order(1)
    void aHeavyCallShowsTheWorkerThatServedIt() {
        open("/");
        countPrimesUpTo("20000");
        wait.until(d -> "200".equals(d.findElement(By.id("result")).getAttribute("data-status")));

        String worker = byId("result").getAttribute("data-worker");
        assertThat(worker).isIn("worker1", "worker2");
        assertThat(byId("result-badge").findElement(By.className("worker-badge")).getText()).isEqualTo(worker);
        assertThat(byId("result-body").getText()).contains("2262");
        assertThat(byId("error").isDisplayed()).isFalse();
        assertThat(Browser.screenshot(browser, "showcase")).satisfies(file -> assertThat(Files.size(file)).isPositive());
    }

    @Test
    @Order(2)
    void aBurstIsBalancedOverBothHeavyWorkers() {
        countPrimesUpTo("20000");
        runBurst();

        WebElement summary = byId("burst-summary");
        assertThat(summary.getAttribute("data-errors")).isEqualTo("0");
        assertThat(summary.getText()).contains("worker1").contains("worker2");
    }

    @Test
    @Order(3)
    void badInputShowsAClearMessageInsteadOfABlankPage() {
        countPrimesUpTo("999999999");
        wait.until(d -> d.findElement(By.id("error")).isDisplayed());

        WebElement error = byId("error");
        assertThat(error.getAttribute("data-status")).isEqualTo("400");
        assertThat(error.getText()).contains("400").contains("limit");
    }

    @Test
    @Order(4)
    void theClusterPageShowsWorkersSegmentsAndLoad() {
        open("/cluster.html");
        wait.until(d -> d.findElements(By.cssSelector("#workers-body tr")).size() >= 3);

        String table = byId("workers-body").getText();
        assertThat(table).contains("worker1", "worker2", "worker3", "heavy", "available");
        Browser.screenshot(browser, "showcase-cluster");
    }

    @Test
    @Order(5)
    void theClusterInsightsThroughTheProxyShowTheRemoteCallsBetweenSegments() {
        String proxy = cluster.service("proxy").url();
        List<PrometheusText> heavyBefore = List.of(metrics("worker1"), metrics("worker2"));
        PrometheusText gatewayBefore = metrics("gateway");
        HttpResponse<String> note = Http.postJson(proxy + "/rpc/notes/add", "{\"note\":{\"author\":\"Ada\",\"text\":\"Remote\"}}");
        assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
        long id = json(note.body()).getJsonNumber("id").longValue();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> digest = Http.postJson(proxy + "/rpc/crunch/fingerprint", "{\"noteId\":" + id + ",\"rounds\":2}");
            assertThat(digest.statusCode()).as(digest.body()).isEqualTo(200);
        }

        JsonObject insights = json(insightsThroughProxy(proxy, "all", 200));

        // the same calls on /metrics: the heavy workers' remote calls (direct), the gateway's forwarding
        List<PrometheusText> heavyAfter = List.of(metrics("worker1"), metrics("worker2"));
        String[] fingerprintToNotes = {"caller", "crunch/fingerprint", "callee", "notes/get", "path", "direct"};
        assertThat(delta(heavyBefore, heavyAfter, "jitar_remote_calls_total", fingerprintToNotes)).isEqualTo(4);
        assertThat(delta(heavyBefore, heavyAfter, "jitar_remote_call_failures_total", fingerprintToNotes)).isZero();
        assertThat(delta(heavyBefore, heavyAfter, "jitar_remote_call_duration_seconds_count", fingerprintToNotes)).isEqualTo(4);
        assertThat(delta(heavyBefore, heavyAfter, "jitar_remote_call_sent_bytes_total", fingerprintToNotes)).isPositive();
        assertThat(delta(heavyBefore, heavyAfter, "jitar_remote_call_received_bytes_total", fingerprintToNotes)).isPositive();
        assertThat(delta(heavyBefore, heavyAfter, "jitar_remote_calls_total", "caller", "crunch/fingerprint",
                "callee", "vault/sign", "path", "direct")).isEqualTo(4);
        assertThat(delta(heavyBefore, heavyAfter, "jitar_procedure_calls_total", "procedure", "crunch/fingerprint",
                "outcome", "ok")).isEqualTo(4);
        PrometheusText gatewayAfter = metrics("gateway");
        assertThat(delta(List.of(gatewayBefore), List.of(gatewayAfter), "jitar_gateway_forwarded_total",
                "procedure", "crunch/fingerprint")).isEqualTo(4);
        assertThat(delta(List.of(gatewayBefore), List.of(gatewayAfter), "jitar_gateway_forward_duration_seconds_count",
                "procedure", "notes/add")).isEqualTo(1);
        assertThat(gatewayAfter.find("jitar_gateway_forwarded_total", "procedure", "crunch/fingerprint"))
                .allSatisfy(sample -> assertThat(sample.labels().get("worker")).matches("[0-9a-f]{16}"));

        // fingerprint runs on worker1/worker2 (heavy); notes and the vault on worker3: remote calls, seen from both sides
        JsonObject workers = insights.getJsonObject("workers");
        assertThat(workers.getInt("asked")).isEqualTo(3);
        assertThat(workers.getInt("answered")).isEqualTo(3);
        JsonObject fromCaller = edge(insights, "crunch/fingerprint", "notes/get", true);
        assertThat(fromCaller.getJsonNumber("calls").longValue()).isGreaterThanOrEqualTo(4);
        assertThat(fromCaller.getJsonNumber("bytesSent").longValue()).isPositive();
        assertThat(fromCaller.getJsonNumber("bytesReceived").longValue()).isPositive();
        assertThat(edge(insights, "(remote procedure)", "notes/get", false).getJsonNumber("calls").longValue())
                .isGreaterThanOrEqualTo(4);
        assertThat(edge(insights, "crunch/fingerprint", "vault/sign", true).getJsonNumber("calls").longValue())
                .isGreaterThanOrEqualTo(4);
        JsonObject notesGet = insights.getJsonArray("procedures").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("procedure").equals("notes/get")).findFirst().orElseThrow();
        assertThat(notesGet.getBoolean("runsHere")).isTrue();
        assertThat(insights.getJsonObject("advice").getJsonArray("words")).isNotEmpty();
        assertThat(insights.toString()).doesNotContain("127.0.0.1").doesNotContain("Remote\"");

        HttpResponse<String> bad = Http.get(proxy + "/jitar/cluster/insights?window=forever");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"message\":\"Unknown window 'forever': use 1m, 5m, 15m, 1h or all\",\"status\":400,"
                + "\"type\":\"io.jitar.errors.BadRequestException\"}");
    }

    private PrometheusText metrics(String service) {
        HttpResponse<String> response = Http.get(cluster.service(service).url() + "/metrics");
        assertThat(response.statusCode()).as(service + ": " + response.body()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    /** How much a sample grew, summed over every series with {@code labels} of every service asked. */
    private static double delta(List<PrometheusText> before, List<PrometheusText> after, String name, String... labels) {
        double sum = 0;
        for (int i = 0; i < after.size(); i++) {
            sum += after.get(i).find(name, labels).stream().mapToDouble(PrometheusText.Sample::value).sum()
                    - before.get(i).find(name, labels).stream().mapToDouble(PrometheusText.Sample::value).sum();
        }
        return sum;
    }

    private static String insightsThroughProxy(String proxy, String window, int status) {
        HttpResponse<String> response = Http.get(proxy + "/jitar/cluster/insights?window=" + window);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return response.body();
    }

    private static JsonObject edge(JsonObject insights, String caller, String callee, boolean remote) {
        return insights.getJsonArray("edges").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("caller").equals(caller) && e.getString("callee").equals(callee) && e.getBoolean("remote") == remote)
                .findFirst().orElseThrow(() -> new AssertionError("no edge " + caller + " -> " + callee + " in " + insights));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    @Order(6)
    void theInsightsPageDrawsTheCallGraphAndTheAdvice() {
        browser.get(cluster.service("proxy").url() + "/insights.html");
        new org.openqa.selenium.support.ui.Select(byId("window-select")).selectByValue("all");
        wait.until(d -> d.findElements(By.cssSelector("#graph g.node[data-procedure='crunch/fingerprint']")).size() == 1
                && !d.findElements(By.cssSelector("#graph path.edge[data-edge='crunch/fingerprint->notes/get']")).isEmpty());

        // Read in one script: the page redraws itself every few seconds, so elements found one by
        // one may be replaced in between (a stale element).
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const all = s => Array.from(document.querySelectorAll(s));
                const row = document.querySelector("#procedures-body tr[data-procedure='crunch/fingerprint']");
                return {
                  notesNodes: all("#graph g.node[data-procedure='notes/get']").length,
                  signEdges: all("#graph path.edge[data-edge='crunch/fingerprint->vault/sign']").length,
                  segments: all("#graph rect.segment").map(e => e.getAttribute('data-segment')),
                  traffic: document.getElementById('traffic').textContent,
                  advice: document.querySelectorAll('#advice li').length,
                  fingerprintRow: row ? row.textContent : ''
                };""");

        assertThat(page.get("notesNodes")).isEqualTo(1L);
        assertThat(page.get("signEdges")).isEqualTo(1L);
        assertThat((List<String>) page.get("segments")).contains("heavy", "data", "protected");
        assertThat((String) page.get("traffic")).contains("3 of 3 workers answered");
        assertThat((Long) page.get("advice")).isPositive();
        assertThat((String) page.get("fingerprintRow")).contains("crunch/fingerprint").contains("notes/get (remote)");
        Browser.screenshot(browser, "showcase-insights");
    }

    @Test
    @Order(7)
    void killingAHeavyWorkerLosesNoCall() throws Exception {
        ProcessHandle worker2 = ProcessHandle.of(cluster.service("worker2").pid()).orElseThrow();
        worker2.destroyForcibly();
        worker2.onExit().get(30, TimeUnit.SECONDS);
        open("/");
        countPrimesUpTo("20000");
        runBurst();

        WebElement summary = byId("burst-summary");
        assertThat(summary.getAttribute("data-errors")).isEqualTo("0");
        assertThat(summary.getText()).contains("worker1").doesNotContain("worker2");
        Browser.screenshot(browser, "showcase-after-kill");
    }

    @Test
    @Order(8)
    void aGatewayThatIsDownShowsA502Message() throws Exception {
        ProcessHandle gateway = ProcessHandle.of(cluster.service("gateway").pid()).orElseThrow();
        gateway.destroyForcibly();
        gateway.onExit().get(30, TimeUnit.SECONDS);
        countPrimesUpTo("20000");
        wait.until(d -> d.findElement(By.id("error")).isDisplayed());

        assertThat(byId("error").getAttribute("data-status")).isEqualTo("502");
        assertThat(byId("error").getText()).contains("502");
        Browser.screenshot(browser, "showcase-502");
    }
}
