package io.jitar.clustertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.testing.FreePorts;
import io.jitar.testing.Http;
import io.jitar.testing.ListeningSockets;
import io.jitar.testing.PayaraProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The showcase in its standalone topology (one process, as {@code ./run standalone showcase}
 * starts it): the worker serves the page itself and runs every segment locally.
 */
class ShowcaseStandaloneIT {

    private static final Path WAR = ClusterScript.ROOT.resolve("examples/showcase/target/showcase.war");

    @Test
    void oneProcessServesThePageAndEverySegment() {
        try (PayaraProcess showcase = PayaraProcess.launch("showcase-standalone", WAR, FreePorts.next(), port -> Map.of(),
                Duration.ofSeconds(180))) {

            HttpResponse<String> page = Http.get(showcase.url() + "/");
            HttpResponse<String> primes = Http.get(showcase.url() + "/rpc/crunch/primes?limit=20000");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"heavy-button\"");
            assertThat(primes.statusCode()).isEqualTo(200);
            assertThat(primes.body()).contains("2262");
            assertThat(primes.headers().firstValue("X-Jitar-Worker")).isEmpty();

            // The JPA segment uses the default datasource; its H2 must not open a port beyond loopback.
            HttpResponse<String> note = Http.postJson(showcase.url() + "/rpc/notes/add",
                    "{\"note\":{\"author\":\"ann\",\"text\":\"hello\",\"tags\":[\"a\"]}}");
            assertThat(note.statusCode()).as(note.body()).isEqualTo(200);
            assertThat(note.body()).contains("\"author\":\"ann\"", "\"text\":\"hello\"");
            assertThat(ListeningSockets.of(showcase.pid())).hasValueSatisfying(sockets -> assertThat(sockets)
                    .isNotEmpty().allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress()).as("%s", socket).isTrue()));
        }
    }
}
