package io.jitar.worker.cluster;

import io.jitar.testing.MapConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.procedure.AccessLevel;
import io.jitar.Version;
import io.jitar.core.protocol.WorkerRegistration;
import io.jitar.core.segment.ProcedureDeclaration;
import io.jitar.core.segment.SegmentDefinition;
import io.jitar.worker.config.WorkerSettings;
import io.jitar.worker.extension.ApplicationModel;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a worker tells the gateway when it registers. */
class RegistrationBodyTest {

    public interface Heavy {
        long primes(int below);

        String secret();
    }

    public interface Light {
        String echo(String text);
    }

    private static final ClassLoader LOADER = RegistrationBodyTest.class.getClassLoader();

    private static ProcedureDeclaration declare(String segment, Class<?> module, String method, AccessLevel access,
                                                boolean idempotent) {
        return new ProcedureDeclaration(segment, segment + ".json", module.getName(), method, access,
                Version.parse("1.0.0"), method, idempotent);
    }

    private static Map<String, SegmentDefinition> segments(String lightSegment) {
        Map<String, SegmentDefinition> segments = new TreeMap<>();
        segments.put("heavy", new SegmentDefinition("heavy", "heavy.json", List.of(
                declare("heavy", Heavy.class, "primes", AccessLevel.PUBLIC, true),
                declare("heavy", Heavy.class, "secret", AccessLevel.PRIVATE, false))));
        segments.put(lightSegment, new SegmentDefinition(lightSegment, lightSegment + ".json", List.of(
                declare(lightSegment, Light.class, "echo", AccessLevel.PROTECTED, false))));
        return segments;
    }

    private static WorkerRegistration registration(Map<String, SegmentDefinition> segments, String... more) {
        String[] config = new String[8 + more.length];
        System.arraycopy(new String[] {"jitar.root-package", "io.jitar.worker", "jitar.worker.gateway", "http://gateway.internal:3000",
                "jitar.url", "http://worker.internal:3001", "jitar.trust-key", "secret"}, 0, config, 0, 8);
        System.arraycopy(more, 0, config, 8, more.length);
        WorkerSettings settings = WorkerSettings.from(MapConfig.of(config));
        return RegistrationBody.of(settings, ApplicationModel.resolve(segments, settings, LOADER));
    }

    @Test
    void carriesTheRemotelyCallableProceduresNameAndRunningSegments() {
        WorkerRegistration registration = registration(segments("light"), "jitar.worker.name", "worker1");

        assertThat(registration.url()).isEqualTo("http://worker.internal:3001");
        assertThat(registration.procedureNames()).containsExactly("cluster/echo", "cluster/primes");
        assertThat(registration.idempotentProcedureNames()).containsExactly("cluster/primes");
        assertThat(registration.trustKey()).isEqualTo("secret");
        assertThat(registration.name()).isEqualTo("worker1");
        assertThat(registration.segments()).containsExactly("heavy", "light");
    }

    @Test
    void segmentsAreOnlyThoseThisWorkerRuns() {
        WorkerRegistration registration = registration(segments("light"), "jitar.worker.segments", "heavy");

        assertThat(registration.segments()).containsExactly("heavy");
        assertThat(registration.procedureNames()).containsExactly("cluster/primes");
    }

    @Test
    void withoutANameThereIsNoNameField() throws Exception {
        WorkerRegistration registration = registration(segments("light"));

        assertThat(registration.name()).isNull();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(registration);
            assertThat(json).doesNotContain("\"name\"").contains("\"segments\":[\"heavy\",\"light\"]");
        }
    }

    @Test
    void leavesOutANameOrSegmentTheGatewayWouldRefuse() {
        WorkerRegistration registration = registration(segments("light weight"), "jitar.worker.name", "worker <1>");

        assertThat(registration.name()).isNull();
        assertThat(registration.segments()).containsExactly("heavy");
        assertThat(registration.procedureNames()).contains("cluster/echo");
    }
}
