package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class BenefitsCalculator {
  public BigDecimal deductions(Employee employee, LocalDate asOf) {
    BigDecimal total = employee.plan().monthlyPremium();
    dropExpired(employee.deductions(), asOf);
    for (Deduction deduction : employee.deductions()) total = total.add(deduction.amount());
    return total;
  }

  private void dropExpired(List<Deduction> deductions, LocalDate asOf) {
    for (Deduction deduction : deductions) {
      if (deduction.expiredBy(asOf)) deductions.remove(deduction);
    }
  }
}
