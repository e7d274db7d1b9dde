package com.acme.payroll.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

public record PayPeriod(LocalDate start, LocalDate end) {
  /** "2024-03-01..2024-03-31", as the payroll calendar writes it. */
  public static PayPeriod parse(String text) {
    String[] bounds = text.split("\\.\\.");
    return new PayPeriod(LocalDate.parse(bounds[0]), LocalDate.parse(bounds[1]));
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(start, end) + 1;
  }

  public int fullWeeks() {
    return days() / 7;
  }
}
