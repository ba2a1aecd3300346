package io.jitar.examples.multiversion;

/**
 * A procedure module with two versions of one procedure. The segment file publishes
 * {@code getEmployee} as version 1.0.0 and renames {@code getEmployeeV2} to {@code getEmployee}
 * version 2.0.0, so both answer at {@code /rpc/getEmployee}; the caller picks one with the
 * {@code X-Jitar-Procedure-Version} header.
 */
public interface Employees {

    /** Version 1.0.0 (public): employees are known by a number. */
    Employee getEmployee(int id);

    /** Version 2.0.0 (protected, needs the trust key): employees are known by a UUID and have an address. */
    EmployeeV2 getEmployeeV2(String uuid);
}
