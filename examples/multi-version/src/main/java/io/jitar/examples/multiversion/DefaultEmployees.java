package io.jitar.examples.multiversion;

import jakarta.enterprise.context.ApplicationScoped;

/** The implementation of both versions: an ordinary CDI bean. */
@ApplicationScoped
public class DefaultEmployees implements Employees {

    @Override
    public Employee getEmployee(int id) {
        return new Employee(id, "John Doe", 42);
    }

    @Override
    public EmployeeV2 getEmployeeV2(String uuid) {
        return new EmployeeV2(uuid, "John Doe", 42, "123 Main St.");
    }
}
