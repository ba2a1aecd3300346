package io.jitar.errors;

import io.jitar.core.procedure.Fqn;

/** Breaks a rule on purpose, for RoleRulesBiteTest: the application API exposing an internal type. */
public class LeakyError extends JitarException {

    public LeakyError(Fqn fqn) {
        super(400, fqn.value());
    }
}
