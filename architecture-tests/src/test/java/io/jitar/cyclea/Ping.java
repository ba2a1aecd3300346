package io.jitar.cyclea;

import io.jitar.cycleb.Pong;

/** With {@link Pong}, a package cycle on purpose, for RoleRulesBiteTest. */
public class Ping {

    Pong pong;
}
