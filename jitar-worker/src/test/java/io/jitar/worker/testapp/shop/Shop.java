package io.jitar.worker.testapp.shop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The test application's procedure module: one procedure per behaviour the worker IT checks. */
public interface Shop {

    Order place(Order order);

    int sum(List<Integer> numbers);

    boolean isOpen();

    CompletionStage<String> later(String text);

    CompletionStage<String> laterFailing(String reason);

    String secret();

    String hidden();

    void fail(String kind);

    Map<String, Integer> stock(Optional<Integer> minimum);

    String whoAmI(Optional<String> user);

    String describeV1();

    String describeV2();

    int increment();

    int counter();
}
