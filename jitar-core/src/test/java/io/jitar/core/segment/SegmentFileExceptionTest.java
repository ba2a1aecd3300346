package io.jitar.core.segment;

import static io.jitar.core.segment.SegmentFixtures.FILE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SegmentFileExceptionTest {

    private static final String KEY = "com.example.game.Game/checkSecret/access";

    @Test
    void namesFileKeyAndProblem() {
        SegmentFileException exception = new SegmentFileException(FILE, KEY, "expected a string");

        assertThat(exception).hasMessage("Segment file 'segments/game.json', key '" + KEY + "': expected a string");
        assertThat(exception.file()).isEqualTo(FILE);
        assertThat(exception.key()).isEqualTo(KEY);
    }

    @Test
    void leavesOutEmptyKey() {
        assertThat(new SegmentFileException(FILE, "", "invalid JSON")).hasMessage("Segment file 'segments/game.json': invalid JSON");
    }

    @Test
    void leavesOutMissingKey() {
        assertThat(new SegmentFileException(FILE, null, "invalid JSON")).hasMessage("Segment file 'segments/game.json': invalid JSON");
    }
}
