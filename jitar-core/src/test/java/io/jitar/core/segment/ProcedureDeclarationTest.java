package io.jitar.core.segment;

import static io.jitar.core.segment.SegmentFixtures.GAME_MODULE;
import static io.jitar.core.segment.SegmentFixtures.declaration;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcedureDeclarationTest {

    @Test
    void keyIsInterfaceSlashMethod() {
        assertThat(declaration(GAME_MODULE, "checkSecret").key()).isEqualTo("io.jitar.core.segment.GameModule/checkSecret");
    }
}
