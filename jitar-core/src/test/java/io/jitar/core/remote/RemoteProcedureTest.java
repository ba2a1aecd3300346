package io.jitar.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.procedure.Fqn;
import io.jitar.Version;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RemoteProcedureTest {

    public record Account(String owner, LocalDate opened, List<String> tags) {
    }

    public interface Accounts {
        Account open(String owner, Optional<LocalDate> opened, List<String> tags);

        CompletionStage<List<Account>> all();

        int count();

        void close(String owner);

        String name(int id);
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static RemoteProcedure procedure(String method, Class<?>... types) throws NoSuchMethodException {
        return RemoteProcedure.of(Accounts.class.getMethod(method, types), Fqn.parse("accounts/" + method), Version.parse("1.2"));
    }

    @Test
    void writesNamedArgumentsWithDeclaredTypesAndSkipsEmptyOptionals() throws Exception {
        RemoteProcedure open = procedure("open", String.class, Optional.class, List.class);

        String withDate = open.body(new Object[] {"ann", Optional.of(LocalDate.of(2024, 1, 2)), List.of("x")}, JSONB);
        String withoutDate = open.body(new Object[] {"ann", Optional.empty(), List.of()}, JSONB);

        assertThat(withDate).isEqualTo("{\"owner\":\"ann\",\"opened\":\"2024-01-02\",\"tags\":[\"x\"]}");
        assertThat(withoutDate).isEqualTo("{\"owner\":\"ann\",\"tags\":[]}");
        assertThat(open.version()).isEqualTo(new Version(1, 2, 0));
        assertThat(open.isAsynchronous()).isFalse();
    }

    @Test
    void nullArgumentsAreWrittenAsJsonNull() throws Exception {
        assertThat(procedure("close", String.class).body(new Object[] {null}, JSONB)).isEqualTo("{\"owner\":null}");
        assertThat(procedure("count").body(null, JSONB)).isEqualTo("{}");
    }

    @Test
    void readsResultsAsTheDeclaredGenericType() throws Exception {
        RemoteProcedure all = procedure("all");

        Object accounts = all.result("application/json", "[{\"owner\":\"ann\",\"opened\":\"2024-01-02\",\"tags\":[]}]", JSONB);

        assertThat(all.isAsynchronous()).isTrue();
        assertThat(accounts).isEqualTo(List.of(new Account("ann", LocalDate.of(2024, 1, 2), List.of())));
    }

    @Test
    void readsTextNumbersAndNothing() throws Exception {
        assertThat(procedure("count").result("application/number", "42", JSONB)).isEqualTo(42);
        assertThat(procedure("name", int.class).result("text/plain", "he said \"hi\"", JSONB)).isEqualTo("he said \"hi\"");
        assertThat(procedure("close", String.class).result("application/null", "", JSONB)).isNull();
        assertThat(procedure("name", int.class).result("application/null", "", JSONB)).isNull();
    }
}
