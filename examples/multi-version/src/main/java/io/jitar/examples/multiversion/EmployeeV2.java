package io.jitar.examples.multiversion;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** An employee as version 2.0.0 describes it. */
@JsonbPropertyOrder({"uuid", "name", "age", "address"})
public record EmployeeV2(String uuid, String name, int age, String address) {
}
