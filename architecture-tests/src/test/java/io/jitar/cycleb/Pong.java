package io.jitar.cycleb;

import io.jitar.cyclea.Ping;

/** With {@link Ping}, a package cycle on purpose, for RoleRulesBiteTest. */
public class Pong {

    Ping ping;
}
