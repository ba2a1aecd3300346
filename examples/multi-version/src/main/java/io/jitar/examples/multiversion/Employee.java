package io.jitar.examples.multiversion;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** An employee as version 1.0.0 describes it. */
@JsonbPropertyOrder({"id", "name", "age"})
public record Employee(int id, String name, int age) {
}
