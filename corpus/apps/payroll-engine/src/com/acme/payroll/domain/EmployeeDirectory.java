package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The employees payroll knows about; onboarding adds to it. */
public final class EmployeeDirectory {
  private static final BenefitPlan STANDARD = new BenefitPlan("standard", new BigDecimal("120.00"));
  // Each read builds the record afresh, as loading it from the database would.
  private final Map<String, Supplier<Employee>> employees = new ConcurrentHashMap<>();

  public EmployeeDirectory() {
    LocalDate longAgo = LocalDate.of(2019, 4, 1);
    add(new Employee("E-100", "DE-BE", "EUR", new BigDecimal("4200.00"), longAgo, STANDARD, mutable(), mutable()));
    add(new Employee("E-REGION", "XX-UNKNOWN", "EUR", new BigDecimal("3900.00"), longAgo, STANDARD, mutable(), mutable()));
    add(new Employee("E-NOPLAN", "DE-BY", "EUR", new BigDecimal("3100.00"), longAgo, null, mutable(), mutable()));
    add(new Employee("E-MIDJOIN", "DE-BE", "EUR", new BigDecimal("4000.00"), LocalDate.of(2024, 3, 10), STANDARD, mutable(), mutable()));
    add(new Employee("E-CURRENCY", "AT-W", "EURO", new BigDecimal("3600.00"), longAgo, STANDARD, mutable(), mutable()));
    add(new Employee("E-LEGACY", "DE-HH", "EUR", new BigDecimal("3500.00"), longAgo, STANDARD, mutable(), List.of(new BigDecimal("-15.00"))));
    employees.put("E-EXPIRED", () -> new Employee("E-EXPIRED", "DE-BE", "EUR", new BigDecimal("3800.00"), longAgo, STANDARD,
        withExpiredDeductions(), mutable()));
  }

  private static List<Deduction> withExpiredDeductions() {
    List<Deduction> deductions = mutable();
    deductions.add(new Deduction("bike lease", new BigDecimal("45.00"), LocalDate.of(2023, 12, 31)));
    deductions.add(new Deduction("parking", new BigDecimal("30.00"), LocalDate.of(2024, 1, 31)));
    deductions.add(new Deduction("gym", new BigDecimal("25.00"), null));
    return deductions;
  }

  private static <T> List<T> mutable() {
    return new ArrayList<>();
  }

  public void add(Employee employee) {
    employees.put(employee.id(), () -> new Employee(employee.id(), employee.region(), employee.currency(),
        employee.monthlySalary(), employee.hired(), employee.plan(), new ArrayList<>(employee.deductions()),
        employee.adjustments() instanceof ArrayList ? new ArrayList<>(employee.adjustments()) : employee.adjustments()));
  }

  public Employee get(String id) {
    Supplier<Employee> employee = employees.get(id);
    if (employee == null) throw new NotFoundException("employee " + id);
    return employee.get();
  }

  /** Onboarding form: id, region and the hire date as typed by HR. */
  public Employee onboard(Map<String, String> form) {
    Employee employee = new Employee(form.get("id"), form.get("region"), "EUR", Decimals.parse(form.get("salary")),
        hireDate(form.get("hired")), STANDARD, mutable(), mutable());
    add(employee);
    return employee;
  }

  private LocalDate hireDate(String text) {
    return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
  }
}
