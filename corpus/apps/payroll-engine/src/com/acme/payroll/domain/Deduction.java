package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Deduction(String label, BigDecimal amount, LocalDate until) {
  public boolean expiredBy(LocalDate day) {
    return until != null && until.isBefore(day);
  }
}
