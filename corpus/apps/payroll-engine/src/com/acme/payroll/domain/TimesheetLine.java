package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

public record TimesheetLine(String employeeId, LocalDate day, BigDecimal hours, BigDecimal rate) {
  public BigDecimal amount() {
    return hours.multiply(rate);
  }
}
