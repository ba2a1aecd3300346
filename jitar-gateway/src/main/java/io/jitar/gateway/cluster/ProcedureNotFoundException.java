package io.jitar.gateway.cluster;

import io.jitar.errors.NotFoundException;

import java.util.Objects;

/** HTTP 404: no registered worker offers this procedure, in any state. */
public class ProcedureNotFoundException extends NotFoundException {

    private final String procedureName;

    public ProcedureNotFoundException(String procedureName) {
        super("Procedure '" + procedureName + "' not found");
        this.procedureName = Objects.requireNonNull(procedureName, "procedureName");
    }

    public String procedureName() {
        return procedureName;
    }
}
