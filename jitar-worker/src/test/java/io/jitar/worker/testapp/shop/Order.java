package io.jitar.worker.testapp.shop;

import java.time.LocalDate;
import java.util.List;

public record Order(String customer, LocalDate delivery, List<Item> items, Status status) {

    public record Item(String product, int quantity) {
    }

    public enum Status { NEW, PLACED }
}
