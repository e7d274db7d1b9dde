package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record Employee(
    String id,
    String region,
    String currency,
    BigDecimal monthlySalary,
    LocalDate hired,
    BenefitPlan plan,
    List<Deduction> deductions,
    List<BigDecimal> adjustments) {}
