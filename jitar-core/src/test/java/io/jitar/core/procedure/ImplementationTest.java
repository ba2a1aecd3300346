package io.jitar.core.procedure;

import static io.jitar.core.procedure.ProcedureFixtures.CHECK_SECRET;
import static io.jitar.core.procedure.ProcedureFixtures.NO_PARAMETERS;
import static io.jitar.core.procedure.ProcedureFixtures.V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImplementationTest {

    private static final Invoker ANSWER_42 = arguments -> 42;

    @Test
    void keepsItsParts() throws Throwable {
        Implementation implementation = new Implementation(CHECK_SECRET, V1, AccessLevel.PROTECTED, true,
                NO_PARAMETERS, ANSWER_42);

        assertThat(implementation.fqn()).isEqualTo(CHECK_SECRET);
        assertThat(implementation.version()).isEqualTo(V1);
        assertThat(implementation.access()).isEqualTo(AccessLevel.PROTECTED);
        assertThat(implementation.idempotent()).isTrue();
        assertThat(implementation.bindingPlan()).isSameAs(NO_PARAMETERS);
        assertThat(implementation.invoker().invoke(new Object[0])).isEqualTo(42);
    }

    @Test
    void refusesMissingFqn() {
        assertThatThrownBy(() -> new Implementation(null, V1, AccessLevel.PUBLIC, false, NO_PARAMETERS, ANSWER_42))
                .isInstanceOf(NullPointerException.class).hasMessage("fqn");
    }

    @Test
    void refusesMissingVersion() {
        assertThatThrownBy(() -> new Implementation(CHECK_SECRET, null, AccessLevel.PUBLIC, false, NO_PARAMETERS, ANSWER_42))
                .isInstanceOf(NullPointerException.class).hasMessage("version");
    }

    @Test
    void refusesMissingAccess() {
        assertThatThrownBy(() -> new Implementation(CHECK_SECRET, V1, null, false, NO_PARAMETERS, ANSWER_42))
                .isInstanceOf(NullPointerException.class).hasMessage("access");
    }

    @Test
    void refusesMissingBindingPlan() {
        assertThatThrownBy(() -> new Implementation(CHECK_SECRET, V1, AccessLevel.PUBLIC, false, null, ANSWER_42))
                .isInstanceOf(NullPointerException.class).hasMessage("bindingPlan");
    }

    @Test
    void refusesMissingInvoker() {
        assertThatThrownBy(() -> new Implementation(CHECK_SECRET, V1, AccessLevel.PUBLIC, false, NO_PARAMETERS, null))
                .isInstanceOf(NullPointerException.class).hasMessage("invoker");
    }
}
