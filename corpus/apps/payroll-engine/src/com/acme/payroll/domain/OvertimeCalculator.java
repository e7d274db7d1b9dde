package com.acme.payroll.domain;

import java.math.BigDecimal;

public final class OvertimeCalculator {
  private static final int WEEKLY_LIMIT = 40;

  /** Hours above the weekly limit, averaged over the period's full weeks. */
  public BigDecimal overtimeHours(int loggedHours, PayPeriod period) {
    int perWeek = averageWeekly(loggedHours, period.fullWeeks());
    return BigDecimal.valueOf(Math.max(0, perWeek - WEEKLY_LIMIT) * (long) period.fullWeeks());
  }

  private int averageWeekly(int hours, int weeks) {
    return hours / weeks;
  }
}
