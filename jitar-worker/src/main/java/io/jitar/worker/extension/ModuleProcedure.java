package io.jitar.worker.extension;

import io.jitar.core.binding.BindingPlan;
import io.jitar.core.procedure.Fqn;
import io.jitar.core.segment.ProcedureDeclaration;
import java.lang.reflect.Method;

/** A declared procedure resolved against the application's classes: interface, method, FQN, binding plan. */
public record ModuleProcedure(ProcedureDeclaration declaration, Class<?> moduleInterface, Method method, Fqn fqn,
                              BindingPlan bindingPlan) {

    /** Where it was declared, for error messages. */
    public String origin() {
        return declaration.file() + " (" + declaration.key() + ")";
    }
}
