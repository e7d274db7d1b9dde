package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.util.List;

public final class TimesheetService {
  private final TimesheetParser parser = new TimesheetParser(new RateCard());

  /** Imports one timesheet export and returns the total it adds to the pay run. */
  public BigDecimal importSheet(String text) {
    List<TimesheetLine> lines = parser.parse(text);
    return lines.stream().map(TimesheetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
