package io.jitar.core.segment;

import io.jitar.core.procedure.AccessLevel;
import io.jitar.Version;

/** Named files, modules and declarations shared by the segment tests. */
final class SegmentFixtures {

    static final String SEGMENT = "game";
    static final String FILE = "segments/game.json";
    static final String GAME_MODULE = "io.jitar.core.segment.GameModule";
    static final String ADMIN_MODULE = "io.jitar.core.segment.AdminModule";
    static final String GAME_SERVICE = "io.jitar.core.segment.GameService";
    static final String MISSING_MODULE = "io.jitar.core.segment.NoSuchModule";

    private SegmentFixtures() {
    }

    static ProcedureDeclaration declaration(String interfaceName, String methodName) {
        return new ProcedureDeclaration(SEGMENT, FILE, interfaceName, methodName, AccessLevel.PUBLIC, Version.DEFAULT,
                methodName, false);
    }
}
