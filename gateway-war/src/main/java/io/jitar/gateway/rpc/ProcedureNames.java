package io.jitar.gateway.rpc;

import io.jitar.core.procedure.Fqn;
import io.jitar.errors.BadRequestException;
import java.util.Locale;

/** The procedure name of an RPC request, validated as the worker validates it. Stateless. */
final class ProcedureNames {

    private ProcedureNames() {
    }

    /**
     * The FQN from the raw (still encoded) path below {@code /rpc/}. Encoded separators and dots
     * are refused before decoding could turn them into a path the worker resolves differently.
     *
     * @throws BadRequestException naming the problem
     */
    static String fqn(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")) {
            throw new BadRequestException("Invalid procedure name: encoded '/', '\\' or '.' is not allowed");
        }
        return Fqn.parse(rawPath).value();
    }
}
