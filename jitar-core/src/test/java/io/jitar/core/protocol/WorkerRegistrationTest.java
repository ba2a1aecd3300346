package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registration body on the wire, for our gateway and for the original's. */
class WorkerRegistrationTest {

    private final WorkerRegistration full = new WorkerRegistration("http://127.0.0.1:9001", List.of("calculator/add"),
            List.of("calculator/add"), "key", "worker-1", List.of("calculator"));

    @Test
    void ourGatewayGetsEveryField() {
        assertThat(WireJson.jsonb().toJson(full)).isEqualTo("{\"idempotentProcedureNames\":[\"calculator/add\"],"
                + "\"name\":\"worker-1\",\"procedureNames\":[\"calculator/add\"],\"segments\":[\"calculator\"],"
                + "\"trustKey\":\"key\",\"url\":\"http://127.0.0.1:9001\"}");
    }

    @Test
    void theOriginalsFieldsAreUrlProcedureNamesAndTrustKeyAlone() {
        // Jitar 0.10.6's validator: {url, procedureNames, trustKey?}, any other field is a 400.
        assertThat(WireJson.jsonb().toJson(full.originalFields()))
                .isEqualTo("{\"procedureNames\":[\"calculator/add\"],\"trustKey\":\"key\",\"url\":\"http://127.0.0.1:9001\"}");
    }

    @Test
    void withoutATrustKeyTheOriginalsFieldsLeaveItOut() {
        WorkerRegistration open = new WorkerRegistration("http://127.0.0.1:9001", List.of("a/b"), List.of(), null);

        assertThat(WireJson.jsonb().toJson(open.originalFields()))
                .isEqualTo("{\"procedureNames\":[\"a/b\"],\"url\":\"http://127.0.0.1:9001\"}");
    }
}
