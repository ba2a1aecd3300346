package io.jitar.core.offender;

import jakarta.inject.Inject;

/** Breaks a rule on purpose, for RoleRulesBiteTest: core code tied to CDI. */
public class UsesCdi {

    @Inject
    Object anything;
}
