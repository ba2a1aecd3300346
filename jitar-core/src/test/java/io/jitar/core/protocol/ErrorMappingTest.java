package io.jitar.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.errors.NotFoundException;
import io.jitar.errors.TeapotException;
import jakarta.json.JsonException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

    private static final String GENERIC = "Internal server error";

    @Test
    void jitarExceptionKeepsStatusMessageAndType() {
        NotFoundException error = new NotFoundException("Game 42 not found");

        assertThat(ErrorMapping.statusOf(error)).isEqualTo(404);
        assertThat(ErrorMapping.bodyOf(error))
                .isEqualTo(new ErrorBody(404, "Game 42 not found", "io.jitar.errors.NotFoundException"));
        assertThat(ErrorMapping.isExposed(error)).isTrue();
    }

    @Test
    void applicationSubclassOfJitarExceptionKeepsItsOwnStatusAndType() {
        assertThat(ErrorMapping.bodyOf(new ScoreConflictException("Score already saved")))
                .isEqualTo(new ErrorBody(409, "Score already saved", ScoreConflictException.class.getName()));
    }

    @Test
    void applicationExceptionAnswers500WithTypeAndMessage() {
        GameOverException error = new GameOverException("No lives left");

        assertThat(ErrorMapping.statusOf(error)).isEqualTo(500);
        assertThat(ErrorMapping.bodyOf(error))
                .isEqualTo(new ErrorBody(500, "No lives left", "io.jitar.core.protocol.GameOverException"));
        assertThat(ErrorMapping.isExposed(error)).isTrue();
    }

    @Test
    void missingMessageBecomesEmpty() {
        assertThat(ErrorMapping.bodyOf(new GameOverException(null)).message()).isEmpty();
    }

    @Test
    void jdkExceptionAnswersGenericMessageWithoutType() {
        IllegalStateException error = new IllegalStateException("connection to db.internal:5432 refused");

        assertThat(ErrorMapping.statusOf(error)).isEqualTo(500);
        assertThat(ErrorMapping.bodyOf(error)).isEqualTo(new ErrorBody(500, GENERIC, null));
        assertThat(ErrorMapping.isExposed(error)).isFalse();
    }

    @Test
    void checkedJdkExceptionStaysPrivate() {
        assertThat(ErrorMapping.bodyOf(new IOException("/var/secret/file"))).isEqualTo(new ErrorBody(500, GENERIC, null));
    }

    @Test
    void containerExceptionStaysPrivate() {
        assertThat(ErrorMapping.bodyOf(new JsonException("parser internals"))).isEqualTo(new ErrorBody(500, GENERIC, null));
    }

    @Test
    void errorStaysPrivate() {
        assertThat(ErrorMapping.bodyOf(new StackOverflowError())).isEqualTo(new ErrorBody(500, GENERIC, null));
    }

    @Test
    void unwrapsAsynchronousWrappers() {
        TeapotException cause = new TeapotException("Short and stout");
        CompletionException wrapped = new CompletionException(new ExecutionException(new CompletionException(cause)));

        assertThat(ErrorMapping.unwrap(wrapped)).isSameAs(cause);
        assertThat(ErrorMapping.statusOf(wrapped)).isEqualTo(418);
        assertThat(ErrorMapping.bodyOf(wrapped))
                .isEqualTo(new ErrorBody(418, "Short and stout", "io.jitar.errors.TeapotException"));
        assertThat(ErrorMapping.isExposed(wrapped)).isTrue();
    }

    @Test
    void wrapperWithoutCauseIsItsOwnFailure() {
        CompletionException bare = new CompletionException("cancelled", null);

        assertThat(ErrorMapping.unwrap(bare)).isSameAs(bare);
        assertThat(ErrorMapping.bodyOf(bare)).isEqualTo(new ErrorBody(500, GENERIC, null));
    }

    @Test
    void doesNotUnwrapOtherExceptions() {
        GameOverException outer = new GameOverException("outer");
        outer.initCause(new NotFoundException("inner"));

        assertThat(ErrorMapping.unwrap(outer)).isSameAs(outer);
        assertThat(ErrorMapping.statusOf(outer)).isEqualTo(500);
    }
}
