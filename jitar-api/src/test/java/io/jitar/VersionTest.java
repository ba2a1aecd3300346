package io.jitar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.BadRequestException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void parsesFullForm() {
        assertThat(Version.parse("1.2.3")).isEqualTo(new Version(1, 2, 3));
    }

    @Test
    void parsesShortForms() {
        assertThat(Version.parse("1.5")).isEqualTo(new Version(1, 5, 0));
        assertThat(Version.parse("3")).isEqualTo(new Version(3, 0, 0));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(Version.parse(" 2.0.1 ")).isEqualTo(new Version(2, 0, 1));
    }

    @Test
    void acceptsLeadingZerosAndNineDigits() {
        assertThat(Version.parse("01.999999999.0")).isEqualTo(new Version(1, 999_999_999, 0));
    }

    @Test
    void refusesFourParts() {
        assertThatThrownBy(() -> Version.parse("1.2.3.4"))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid version '1.2.3.4': expected major.minor.patch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1..2", "1.2.", ".1", "v1", "1.x", "-1", "1.+2", "1.2.3-beta", "1 .2", "1234567890"})
    void refusesMalformedVersions(String text) {
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid version '" + text + "': expected major.minor.patch");
    }

    @Test
    void refusesBlankVersion() {
        assertThatThrownBy(() -> Version.parse("  "))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid version '': expected major.minor.patch");
    }

    @Test
    void refusesNullVersion() {
        assertThatThrownBy(() -> Version.parse(null))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("expected major.minor.patch");
    }

    @Test
    void shortensLongInputInMessage() {
        String text = "1".repeat(150);

        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Invalid version '" + "1".repeat(100) + "...': expected major.minor.patch");
    }

    @Test
    void refusesNegativeNumbers() {
        assertThatThrownBy(() -> new Version(1, -1, 0))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Version numbers must be >= 0");
    }

    @Test
    void ordersMajorThenMinorThenPatchNumerically() {
        List<Version> sorted = List.copyOf(new TreeSet<>(List.of(
                Version.parse("10.0.0"), Version.parse("2.10.0"), Version.parse("2.9.1"),
                Version.parse("2.9.0"), Version.DEFAULT)));

        assertThat(sorted).extracting(Version::toString)
                .containsExactly("0.0.0", "2.9.0", "2.9.1", "2.10.0", "10.0.0");
    }

    @Test
    void printsFullForm() {
        assertThat(Version.parse("4").toString()).isEqualTo("4.0.0");
    }

    @Test
    void defaultIsZero() {
        assertThat(Version.DEFAULT).isEqualTo(new Version(0, 0, 0));
    }
}
