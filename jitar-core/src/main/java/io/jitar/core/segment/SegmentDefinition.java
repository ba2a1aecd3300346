package io.jitar.core.segment;

import java.util.List;

/** A segment: its name (the file name without {@code .json}) and the procedures it declares. */
public record SegmentDefinition(String name, String file, List<ProcedureDeclaration> procedures) {

    public SegmentDefinition {
        procedures = List.copyOf(procedures);
    }
}
