package io.jitar.core.offender;

import io.jitar.gateway.cluster.WorkerRegistry;

/** Breaks a rule on purpose, for RoleRulesBiteTest: core code that knows the gateway's registry. */
public class KnowsTheRegistry {

    WorkerRegistry registry;
}
