package io.jitar.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.errors.NotFoundException;
import io.jitar.errors.ServerErrorException;
import io.jitar.errors.UnauthorizedException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RemoteErrorsTest {

    public static class DatabaseError extends ServerErrorException {
        public DatabaseError(String message) {
            super(message);
        }
    }

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final ClassLoader LOADER = RemoteErrorsTest.class.getClassLoader();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void rebuildsAnApplicationExceptionOfTheSameTypeAndMessage() {
        String body = "{\"status\":500,\"message\":\"disk full\",\"type\":\"" + DatabaseError.class.getName() + "\"}";

        RuntimeException error = RemoteErrors.toException(500, body, JSONB, LOADER);

        assertThat(error).isExactlyInstanceOf(DatabaseError.class).hasMessage("disk full");
    }

    @Test
    void unknownTypeFallsBackToTheRuntimeExceptionForTheStatus() {
        String body = "{\"status\":404,\"message\":\"gone\",\"type\":\"com.elsewhere.Missing\"}";

        assertThat(RemoteErrors.toException(404, body, JSONB, LOADER)).isExactlyInstanceOf(NotFoundException.class).hasMessage("gone");
        assertThat(RemoteErrors.toException(401, "{\"status\":401,\"message\":\"no\"}", JSONB, LOADER))
                .isExactlyInstanceOf(UnauthorizedException.class);
    }

    @Test
    void otherStatusesBecomeARemoteCallExceptionKeepingStatusAndType() {
        RuntimeException error = RemoteErrors.toException(503,
                "{\"status\":503,\"message\":\"No worker available for procedure 'x'\",\"type\":\"io.jitar.Elsewhere\"}", JSONB, LOADER);

        assertThat(error).isInstanceOf(RemoteCallException.class).hasMessage("No worker available for procedure 'x'");
        assertThat(((RemoteCallException) error).status()).isEqualTo(503);
        assertThat(((RemoteCallException) error).remoteType()).isEqualTo("io.jitar.Elsewhere");
    }

    @Test
    void aBodyThatIsNotAnErrorKeepsTheStatus() {
        RuntimeException error = RemoteErrors.toException(502, "<html>bad gateway</html>", JSONB, LOADER);

        assertThat(error).isInstanceOf(RemoteCallException.class).hasMessage("Remote call failed with status 502");
    }

    @Test
    void nonRuntimeExceptionTypesAreNotRebuilt() {
        RuntimeException error = RemoteErrors.toException(500,
                "{\"status\":500,\"message\":\"io\",\"type\":\"java.io.IOException\"}", JSONB, LOADER);

        assertThat(error).isExactlyInstanceOf(ServerErrorException.class).hasMessage("io");
    }
}
