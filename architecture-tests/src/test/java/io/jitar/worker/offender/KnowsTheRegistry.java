package io.jitar.worker.offender;

import io.jitar.gateway.cluster.WorkerRegistry;

/** Breaks a rule on purpose, for RoleRulesBiteTest: a worker using the gateway's classes. */
public class KnowsTheRegistry {

    WorkerRegistry registry;
}
