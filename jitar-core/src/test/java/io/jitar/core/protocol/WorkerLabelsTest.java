package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.BadRequestException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkerLabelsTest {

    private static final String LONGEST = "a".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {"worker1", "Worker-2", "eu_west.a", "heavy", "0", "-", "."})
    void lettersDigitsUnderscoresDotsAndDashesAreLabels(String label) {
        assertThat(WorkerLabels.isValid(label)).isTrue();
        assertThat(WorkerLabels.requireName(label)).isEqualTo(label);
        assertThat(WorkerLabels.requireSegments(List.of(label))).containsExactly(label);
    }

    @Test
    void sixtyFourCharactersAreTheLimit() {
        assertThat(WorkerLabels.isValid(LONGEST)).isTrue();
        assertThat(WorkerLabels.isValid(LONGEST + "a")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "worker 1", "a/b", "<script>", "naïve", "tab\there", "new\nline", "quote\"", "semi;colon"})
    void anythingElseIsNot(String label) {
        assertThat(WorkerLabels.isValid(label)).isFalse();
    }

    @Test
    void badNameIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> WorkerLabels.requireName("worker 1"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("'name' must be 1 to 64 characters of letters, digits, '_', '.' or '-', got 'worker 1'");
        assertThatThrownBy(() -> WorkerLabels.requireName(LONGEST + "b"))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("'name' must be 1 to 64 characters");
    }

    @Test
    void badSegmentIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> WorkerLabels.requireSegments(List.of("heavy", "light/x")))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("'segments' must hold segment names of 1 to 64 characters of letters, digits, '_', '.' or '-', "
                        + "got 'light/x'");
        assertThatThrownBy(() -> WorkerLabels.requireSegments(Arrays.asList("heavy", null)))
                .isInstanceOf(BadRequestException.class).hasMessageEndingWith("got 'null'");
    }

    @Test
    void longRefusedValuesAreShortenedInTheMessage() {
        String huge = "x ".repeat(5000);

        assertThatThrownBy(() -> WorkerLabels.requireName(huge))
                .hasMessageEndingWith("got '" + huge.substring(0, 80) + "...'");
    }

    @Test
    void absentFieldsAreFine() {
        assertThat(WorkerLabels.requireName(null)).isNull();
        assertThat(WorkerLabels.requireSegments(null)).isEmpty();
        assertThat(WorkerLabels.requireSegments(List.of())).isEmpty();
    }

    @Test
    void segmentsAreSortedWithoutDuplicatesAndUnmodifiable() {
        var segments = WorkerLabels.requireSegments(List.of("light", "heavy", "light"));

        assertThat(segments).containsExactly("heavy", "light");
        assertThatThrownBy(() -> segments.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void registrationWithoutNameAndSegmentsIsTheOldShape() {
        WorkerRegistration old = new WorkerRegistration("http://w:1/", List.of("a/b"), null, "key");

        assertThat(old.name()).isNull();
        assertThat(old.segments()).isNull();
        assertThat(old.procedureNames()).containsExactly("a/b");
    }
}
