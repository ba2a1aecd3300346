package io.jitar.core.execution;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The procedure module the executor tests run. */
public interface ScoreModule {

    int add(int a, int b);

    String whoAmI(Optional<String> user);

    String checkSecret(String secret);

    CompletionStage<String> later(String value);

    void fail(String reason);
}
