package io.jitar.worker.testapp.shop;

import io.jitar.errors.BadRequestException;
import io.jitar.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

@ApplicationScoped
public class DefaultShop implements Shop {

    private final AtomicInteger counter = new AtomicInteger();

    @Override
    public Order place(Order order) {
        return new Order(order.customer(), order.delivery().plusDays(1), order.items(), Order.Status.PLACED);
    }

    @Override
    public int sum(List<Integer> numbers) {
        return numbers.stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public CompletionStage<String> later(String text) {
        return CompletableFuture.supplyAsync(() -> "later: " + text);
    }

    @Override
    public CompletionStage<String> laterFailing(String reason) {
        return CompletableFuture.supplyAsync(() -> {
            throw new OutOfStockException(reason);
        });
    }

    @Override
    public String secret() {
        return "s3cret";
    }

    @Override
    public String hidden() {
        return "hidden";
    }

    @Override
    public void fail(String kind) {
        switch (kind) {
            case "bad" -> throw new BadRequestException("kind 'bad' was asked for");
            case "missing" -> throw new NotFoundException("nothing here");
            case "stock" -> throw new OutOfStockException("no more apples");
            default -> throw new IllegalStateException("internal detail that must not leak");
        }
    }

    @Override
    public Map<String, Integer> stock(Optional<Integer> minimum) {
        Map<String, Integer> stock = new TreeMap<>(Map.of("apple", 3, "pear", 10));
        stock.values().removeIf(count -> count < minimum.orElse(0));
        return stock;
    }

    @Override
    public String whoAmI(Optional<String> user) {
        return user.orElse("nobody");
    }

    @Override
    public String describeV1() {
        return "version one";
    }

    @Override
    public String describeV2() {
        return "version two";
    }

    @Override
    public int increment() {
        return counter.incrementAndGet();
    }

    @Override
    public int counter() {
        return counter.get();
    }
}
