package io.jitar.core.procedure;

import io.jitar.Version;
import static io.jitar.core.procedure.ProcedureFixtures.CHECK_SECRET;
import static io.jitar.core.procedure.ProcedureFixtures.V1;
import static io.jitar.core.procedure.ProcedureFixtures.V1_5;
import static io.jitar.core.procedure.ProcedureFixtures.V2;
import static io.jitar.core.procedure.ProcedureFixtures.implementation;
import static io.jitar.core.procedure.ProcedureFixtures.publicImplementation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jitar.errors.NotFoundException;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProcedureTest {

    private static Procedure procedure(Implementation... implementations) {
        TreeMap<Version, Implementation> versions = new TreeMap<>();
        for (Implementation implementation : implementations) {
            versions.put(implementation.version(), implementation);
        }
        return new Procedure(CHECK_SECRET, versions);
    }

    private final Implementation version1 = publicImplementation(CHECK_SECRET, V1);
    private final Implementation version1point5 = publicImplementation(CHECK_SECRET, V1_5);
    private final Implementation version2 = publicImplementation(CHECK_SECRET, V2);

    @Test
    void selectsExactVersion() {
        Procedure procedure = procedure(version1, version1point5, version2);

        assertThat(procedure.select(V1_5)).isSameAs(version1point5);
    }

    @Test
    void selectsHighestLowerVersion() {
        Procedure procedure = procedure(version1, version1point5, version2);

        assertThat(procedure.select(Version.parse("1.9.9"))).isSameAs(version1point5);
        assertThat(procedure.select(Version.parse("7"))).isSameAs(version2);
    }

    @Test
    void refusesVersionBelowEveryImplementation() {
        Procedure procedure = procedure(version1point5, version2);

        assertThatThrownBy(() -> procedure.select(V1))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No implementation of procedure 'game/checkSecret' for version 1.0.0");
    }

    @Test
    void listsImplementationsInVersionOrder() {
        Procedure procedure = procedure(version2, version1, version1point5);

        assertThat(procedure.implementations()).containsExactly(version1, version1point5, version2);
        assertThat(procedure.fqn()).isEqualTo(CHECK_SECRET);
    }

    @Test
    void isImmutableEvenWhenSourceMapChanges() {
        TreeMap<Version, Implementation> versions = new TreeMap<>();
        versions.put(V1, version1);
        Procedure procedure = new Procedure(CHECK_SECRET, versions);

        versions.put(V2, version2);

        assertThat(procedure.implementations()).containsExactly(version1);
        assertThatThrownBy(() -> procedure.implementations().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void isRemotelyCallableWhenAnyVersionIsNotPrivate() {
        Procedure mixed = procedure(implementation(CHECK_SECRET, V1, AccessLevel.PRIVATE),
                implementation(CHECK_SECRET, V2, AccessLevel.PROTECTED));
        Procedure hidden = procedure(implementation(CHECK_SECRET, V1, AccessLevel.PRIVATE));

        assertThat(mixed.isRemotelyCallable()).isTrue();
        assertThat(hidden.isRemotelyCallable()).isFalse();
    }
}
