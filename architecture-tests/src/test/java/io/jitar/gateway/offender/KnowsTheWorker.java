package io.jitar.gateway.offender;

import io.jitar.worker.WorkerRuntime;

/** Breaks a rule on purpose, for RoleRulesBiteTest: the gateway reaching into the worker runtime. */
public class KnowsTheWorker {

    WorkerRuntime runtime;
}
