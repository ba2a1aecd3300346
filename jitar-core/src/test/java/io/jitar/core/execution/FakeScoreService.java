package io.jitar.core.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A hand-written implementation that records every call and lets a test complete {@code later}. */
final class FakeScoreService implements ScoreModule {

    final List<String> calls = new ArrayList<>();
    final CompletableFuture<String> pending = new CompletableFuture<>();
    RuntimeException failure = new IllegalStateException("no failure configured");

    @Override
    public int add(int a, int b) {
        calls.add("add(" + a + ", " + b + ")");
        return a + b;
    }

    @Override
    public String whoAmI(Optional<String> user) {
        calls.add("whoAmI(" + user + ")");
        return user.orElse("nobody");
    }

    @Override
    public String checkSecret(String secret) {
        calls.add("checkSecret(" + secret + ")");
        return "open sesame".equals(secret) ? "welcome" : "go away";
    }

    @Override
    public CompletionStage<String> later(String value) {
        calls.add("later(" + value + ")");
        return pending.thenApply(prefix -> prefix + value);
    }

    @Override
    public void fail(String reason) {
        calls.add("fail(" + reason + ")");
        throw failure;
    }
}
