package io.jitar.core.protocol;

import io.jitar.errors.BadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkerStateTest {

    @ParameterizedTest
    @ValueSource(strings = {"available", "AVAILABLE", "Available", "aVaIlAbLe"})
    void parsesIgnoringCase(String text) {
        assertThat(WorkerState.parse(text)).isEqualTo(WorkerState.AVAILABLE);
    }

    @ParameterizedTest
    @EnumSource(WorkerState.class)
    void parsesEveryWireName(WorkerState state) {
        assertThat(WorkerState.parse(state.wireName())).isEqualTo(state);
    }

    @ParameterizedTest
    @EnumSource(WorkerState.class)
    void wireNameIsLowerCaseName(WorkerState state) {
        assertThat(state.wireName()).isEqualTo(state.name().toLowerCase(Locale.ROOT));
    }

    @Test
    void rejectsUnknownStateListingTheExpectedOnes() {
        assertThatThrownBy(() -> WorkerState.parse("bogus"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Unknown worker state 'bogus'; expected one of "
                        + "starting, available, unavailable, stopping, stopped")
                .satisfies(error -> assertThat(((BadRequestException) error).status()).isEqualTo(400));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" available", "available ", "avail"})
    void rejectsMissingOrMalformedState(String text) {
        assertThatThrownBy(() -> WorkerState.parse(text))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Unknown worker state '" + text + "'");
    }
}
