package io.jitar.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessLevelTest {

    @Test
    void parsesCaseInsensitively() {
        assertThat(AccessLevel.parse("private")).isEqualTo(AccessLevel.PRIVATE);
        assertThat(AccessLevel.parse("Protected")).isEqualTo(AccessLevel.PROTECTED);
        assertThat(AccessLevel.parse("PUBLIC")).isEqualTo(AccessLevel.PUBLIC);
    }

    @Test
    void refusesUnknownLevelNamingIt() {
        assertThatThrownBy(() -> AccessLevel.parse("internal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown access level 'internal', expected private, protected or public");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> AccessLevel.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown access level 'null'");
    }

    @Test
    void onlyPrivateIsNotRemotelyCallable() {
        assertThat(AccessLevel.PRIVATE.isRemotelyCallable()).isFalse();
        assertThat(AccessLevel.PROTECTED.isRemotelyCallable()).isTrue();
        assertThat(AccessLevel.PUBLIC.isRemotelyCallable()).isTrue();
    }

    @Test
    void labelIsLowerCaseName() {
        assertThat(AccessLevel.PROTECTED.label()).isEqualTo("protected");
        assertThat(AccessLevel.parse(AccessLevel.PUBLIC.label())).isEqualTo(AccessLevel.PUBLIC);
    }
}
