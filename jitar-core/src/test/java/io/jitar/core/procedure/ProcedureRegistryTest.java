package io.jitar.core.procedure;

import static io.jitar.core.procedure.ProcedureFixtures.CHECK_SECRET;
import static io.jitar.core.procedure.ProcedureFixtures.CREATE_GAME;
import static io.jitar.core.procedure.ProcedureFixtures.V1;
import static io.jitar.core.procedure.ProcedureFixtures.V2;
import static io.jitar.core.procedure.ProcedureFixtures.publicImplementation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.NotFoundException;
import org.junit.jupiter.api.Test;

class ProcedureRegistryTest {

    private static final String GAME_SEGMENT = "segments/game.json, key 'com.example.game.Game/checkSecret'";
    private static final String ADMIN_SEGMENT = "segments/admin.json, key 'com.example.game.Game/checkSecret'";

    @Test
    void findsProcedureByFqn() {
        Implementation checkSecret = publicImplementation(CHECK_SECRET, V1);
        ProcedureRegistry registry = ProcedureRegistry.builder()
                .add(checkSecret, GAME_SEGMENT)
                .add(publicImplementation(CREATE_GAME, V1), GAME_SEGMENT)
                .build();

        assertThat(registry.get("game/checkSecret").select(V1)).isSameAs(checkSecret);
        assertThat(registry.contains("game/createGame")).isTrue();
        assertThat(registry.procedures()).extracting(Procedure::fqn).containsExactlyInAnyOrder(CHECK_SECRET, CREATE_GAME);
    }

    @Test
    void groupsVersionsOfOneFqn() {
        Implementation version1 = publicImplementation(CHECK_SECRET, V1);
        Implementation version2 = publicImplementation(CHECK_SECRET, V2);

        ProcedureRegistry registry = ProcedureRegistry.builder()
                .add(version2, GAME_SEGMENT)
                .add(version1, ADMIN_SEGMENT)
                .build();

        assertThat(registry.procedures()).hasSize(1);
        assertThat(registry.get("game/checkSecret").implementations()).containsExactly(version1, version2);
    }

    @Test
    void unknownProcedureIsNotFound() {
        ProcedureRegistry registry = ProcedureRegistry.builder().add(publicImplementation(CHECK_SECRET, V1), GAME_SEGMENT).build();

        assertThat(registry.contains("game/guess")).isFalse();
        assertThatThrownBy(() -> registry.get("game/guess"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Procedure 'game/guess' not found");
    }

    @Test
    void shortensLongUnknownNameInMessage() {
        ProcedureRegistry registry = ProcedureRegistry.builder().build();
        String name = "x".repeat(300);

        assertThatThrownBy(() -> registry.get(name))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Procedure '" + "x".repeat(100) + "...' not found");
    }

    @Test
    void segmentFileErrorsNameFileAndKey() {
        // The same FQN and version declared twice: both declarations are named.
        ProcedureRegistry.Builder builder = ProcedureRegistry.builder().add(publicImplementation(CHECK_SECRET, V1), GAME_SEGMENT);

        assertThatThrownBy(() -> builder.add(publicImplementation(CHECK_SECRET, V1), ADMIN_SEGMENT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("procedure 'game/checkSecret' version 1.0.0 is declared twice: by " + GAME_SEGMENT
                        + " and by " + ADMIN_SEGMENT);
    }

    @Test
    void refusedDuplicateLeavesFirstDeclarationInPlace() {
        Implementation first = publicImplementation(CHECK_SECRET, V1);
        ProcedureRegistry.Builder builder = ProcedureRegistry.builder().add(first, GAME_SEGMENT);

        assertThatThrownBy(() -> builder.add(publicImplementation(CHECK_SECRET, V1), ADMIN_SEGMENT))
                .isInstanceOf(IllegalStateException.class);

        assertThat(builder.build().get("game/checkSecret").select(V1)).isSameAs(first);
    }

    @Test
    void builtRegistryIsNotChangedByLaterAdds() {
        ProcedureRegistry.Builder builder = ProcedureRegistry.builder().add(publicImplementation(CHECK_SECRET, V1), GAME_SEGMENT);
        ProcedureRegistry registry = builder.build();

        builder.add(publicImplementation(CREATE_GAME, V1), GAME_SEGMENT);

        assertThat(registry.contains("game/createGame")).isFalse();
        assertThatThrownBy(() -> registry.procedures().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
