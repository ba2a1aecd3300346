package io.jitar.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FqnTest {

    private static final String LONG_NAME_PREFIX = "a".repeat(100);

    @ParameterizedTest
    @ValueSource(strings = {"checkSecret", "game/checkSecret", "com/example/game/check_Secret", "a-b/$c/D9"})
    void acceptsLettersDigitsUnderscoreDollarDashAndSingleSlashes(String value) {
        assertThat(Fqn.parse(value).value()).isEqualTo(value);
        assertThat(Fqn.isValid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"game//check", "/game", "game/", "../game", "game/../admin", "game.check", "game check",
            "game%2Fcheck", "gäme", "game\\check"})
    void refusesInvalidNames(String value) {
        assertThat(Fqn.isValid(value)).isFalse();
        assertThatThrownBy(() -> Fqn.parse(value))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid procedure name '" + value + "'");
    }

    @Test
    void refusesEmptyName() {
        assertThatThrownBy(() -> Fqn.parse(""))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Procedure name is empty");
    }

    @Test
    void refusesNullName() {
        assertThat(Fqn.isValid(null)).isFalse();
        assertThatThrownBy(() -> new Fqn(null))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Procedure name is empty");
    }

    @Test
    void shortensLongInvalidNameInMessage() {
        String value = LONG_NAME_PREFIX + " tail that is never echoed";

        assertThatThrownBy(() -> Fqn.parse(value))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid procedure name '" + LONG_NAME_PREFIX + "...'");
    }

    @Test
    void shortenKeepsShortTextAndCutsLongText() {
        assertThat(Fqn.shorten(LONG_NAME_PREFIX)).isEqualTo(LONG_NAME_PREFIX);
        assertThat(Fqn.shorten(LONG_NAME_PREFIX + "b")).isEqualTo(LONG_NAME_PREFIX + "...");
    }

    @Test
    void derivesModulePathRelativeToRootPackage() {
        assertThat(Fqn.of("io.jitar", ScoreModule.class, "topScore")).isEqualTo(new Fqn("core/procedure/topScore"));
    }

    @Test
    void interfaceInRootPackageHasNoModulePath() {
        assertThat(Fqn.of("io.jitar.core.procedure", ScoreModule.class, "topScore")).isEqualTo(new Fqn("topScore"));
    }

    @Test
    void emptyRootPackageUsesWholePackagePath() {
        assertThat(Fqn.of("", ScoreModule.class, "topScore")).isEqualTo(new Fqn("io/jitar/core/procedure/topScore"));
    }

    @Test
    void refusesInterfaceOutsideRootPackage() {
        assertThatThrownBy(() -> Fqn.of("com.example", ScoreModule.class, "topScore"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interface io.jitar.core.procedure.ScoreModule is not inside the root package "
                        + "'com.example' (jitar.root-package)");
    }

    @Test
    void rootPackageMustEndAtPackageBoundary() {
        assertThatThrownBy(() -> Fqn.of("io.jit", ScoreModule.class, "topScore"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'io.jit'");
    }

    @Test
    void refusesInvalidProcedureNameWhenDeriving() {
        assertThatThrownBy(() -> Fqn.of("io.jitar", ScoreModule.class, "top score"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid procedure name 'core/procedure/top score'");
    }

    @Test
    void ordersByValueAndPrintsValue() {
        Fqn first = new Fqn("game/checkSecret");
        Fqn second = new Fqn("game/createGame");

        assertThat(first).isLessThan(second);
        assertThat(second.compareTo(first)).isPositive();
        assertThat(first.toString()).isEqualTo("game/checkSecret");
    }
}
