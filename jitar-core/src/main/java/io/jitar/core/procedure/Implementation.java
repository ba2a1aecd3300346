package io.jitar.core.procedure;

import io.jitar.Version;
import io.jitar.core.binding.BindingPlan;
import java.util.Objects;

/**
 * One version of a procedure, ready to run: its access level, whether a gateway may retry it after
 * the request was sent ({@code idempotent}), how its arguments bind, and how it is invoked.
 */
public record Implementation(Fqn fqn, Version version, AccessLevel access, boolean idempotent,
                             BindingPlan bindingPlan, Invoker invoker) {

    public Implementation {
        Objects.requireNonNull(fqn, "fqn");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(bindingPlan, "bindingPlan");
        Objects.requireNonNull(invoker, "invoker");
    }
}
