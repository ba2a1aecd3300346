package io.jitar.core.segment;

import static io.jitar.core.segment.SegmentFixtures.FILE;
import static io.jitar.core.segment.SegmentFixtures.GAME_MODULE;
import static io.jitar.core.segment.SegmentFixtures.SEGMENT;
import static io.jitar.core.segment.SegmentFixtures.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentDefinitionTest {

    @Test
    void keepsCopyOfProcedures() {
        List<ProcedureDeclaration> procedures = new ArrayList<>(List.of(declaration(GAME_MODULE, "checkSecret")));
        SegmentDefinition definition = new SegmentDefinition(SEGMENT, FILE, procedures);

        procedures.add(declaration(GAME_MODULE, "greeting"));

        assertThat(definition.procedures()).extracting(ProcedureDeclaration::methodName).containsExactly("checkSecret");
        assertThatThrownBy(() -> definition.procedures().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
