package io.jitar.worker.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jitar.core.http.PassThroughClients;
import io.jitar.core.protocol.WireJson;
import io.jitar.testing.Poll;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;

/** The long poll against a gateway that first answers an empty 503 (still starting), then the table. */
class RouteFeedTest {

    @Test
    void anEmptyErrorAnswerIsRetriedAndTheTableStillArrives() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HttpServer gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        gateway.createContext("/workers/routes", exchange -> {
            if (asked.incrementAndGet() == 1) {
                exchange.sendResponseHeaders(503, -1); // no body at all
            } else if (asked.get() == 2) {
                byte[] table = ("{\"version\":5,\"workers\":[{\"url\":\"http://127.0.0.1:9001\","
                        + "\"procedures\":[\"vault/reveal\"],\"idempotent\":[]}]}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, table.length);
                exchange.getResponseBody().write(table);
            } else {
                return; // the next long poll: left waiting, the test is over
            }
            exchange.close();
        });
        gateway.start();
        HttpClient client = PassThroughClients.start("feed-test", Duration.ofSeconds(1));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        DirectRoutes routes = new DirectRoutes(System::nanoTime);
        RouteFeed feed = new RouteFeed(client, Gateways.of(List.of(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()))), "key",
                WireJson.jsonb(), routes, timer);
        try {
            feed.start();

            Poll.until("the table after the empty 503", Duration.ofSeconds(10), routes::isLoaded);
            assertThat(routes.targets("vault/reveal")).hasSize(1);
            assertThat(asked.get()).isGreaterThanOrEqualTo(2);
        } finally {
            feed.stop();
            timer.shutdownNow();
            PassThroughClients.stop(client);
            gateway.stop(0);
        }
    }

    @Test
    void aGatewayThatCannotBeReachedHandsTheFeedToTheNextWhoseWholeTableArrives() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        java.util.List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer second = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        second.createContext("/workers/routes", exchange -> {
            queries.add(String.valueOf(exchange.getRequestURI().getQuery()));
            if (asked.incrementAndGet() > 1) {
                return; // the next long poll: left waiting
            }
            byte[] table = ("{\"version\":7,\"workers\":[{\"url\":\"http://127.0.0.1:9002\","
                    + "\"procedures\":[\"vault/reveal\"],\"idempotent\":[]}]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, table.length);
            exchange.getResponseBody().write(table);
            exchange.close();
        });
        second.start();
        HttpClient client = PassThroughClients.start("feed-test", Duration.ofSeconds(1));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        DirectRoutes routes = new DirectRoutes(System::nanoTime);
        URI secondUrl = URI.create("http://127.0.0.1:" + second.getAddress().getPort());
        Gateways gateways = Gateways.of(List.of(TestCallee.refusing(), secondUrl));
        RouteFeed feed = new RouteFeed(client, gateways, "key", WireJson.jsonb(), routes, timer);
        try {
            feed.start();

            Poll.until("the table from the second gateway", Duration.ofSeconds(10), routes::isLoaded);
            assertThat(routes.targets("vault/reveal")).extracting(DirectRoutes.Target::url)
                    .containsExactly(URI.create("http://127.0.0.1:9002"));
            assertThat(gateways.current()).isEqualTo(secondUrl);
            Poll.until("the next long poll", Duration.ofSeconds(10), () -> queries.size() >= 2);
            assertThat(queries).containsExactly("null", "after=7");
        } finally {
            feed.stop();
            timer.shutdownNow();
            PassThroughClients.stop(client);
            second.stop(0);
        }
    }
}
