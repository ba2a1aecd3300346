package io.jitar.core.procedure;

import io.jitar.Version;
import io.jitar.core.binding.BindingPlan;
import java.util.List;

/** Named procedures and implementations shared by the procedure tests. */
final class ProcedureFixtures {

    static final Fqn CHECK_SECRET = new Fqn("game/checkSecret");
    static final Fqn CREATE_GAME = new Fqn("game/createGame");

    static final Version V1 = Version.parse("1.0.0");
    static final Version V1_5 = Version.parse("1.5.0");
    static final Version V2 = Version.parse("2.0.0");

    static final BindingPlan NO_PARAMETERS = new BindingPlan(List.of());

    private ProcedureFixtures() {
    }

    /** An implementation whose invoker answers its own version, so a test can see which one ran. */
    static Implementation implementation(Fqn fqn, Version version, AccessLevel access) {
        return new Implementation(fqn, version, access, false, NO_PARAMETERS, arguments -> version.toString());
    }

    static Implementation publicImplementation(Fqn fqn, Version version) {
        return implementation(fqn, version, AccessLevel.PUBLIC);
    }
}
