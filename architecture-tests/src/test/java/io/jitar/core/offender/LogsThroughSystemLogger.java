package io.jitar.core.offender;

/** Breaks a rule on purpose, for RoleRulesBiteTest: a second logging API beside java.util.logging. */
public class LogsThroughSystemLogger {

    private static final System.Logger LOG = System.getLogger(LogsThroughSystemLogger.class.getName());

    void say() {
        LOG.log(System.Logger.Level.INFO, "hello");
    }
}
