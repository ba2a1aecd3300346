package io.jitar.core.segment;

import io.jitar.core.procedure.AccessLevel;
import io.jitar.Version;

/**
 * One procedure as a segment file declares it: the module interface and method, its access level,
 * version, public name ({@code as}, default the method name) and whether a gateway may retry it
 * after a request was sent ({@code idempotent}, default false).
 */
public record ProcedureDeclaration(String segment, String file, String interfaceName, String methodName,
                                   AccessLevel access, Version version, String name, boolean idempotent) {

    /** The key path of this declaration in its file, for error messages. */
    public String key() {
        return interfaceName + "/" + methodName;
    }
}
