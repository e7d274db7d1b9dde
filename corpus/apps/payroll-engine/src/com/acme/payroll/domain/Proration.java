package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Salary for a partial period: employees who joined during it are paid by calendar day. */
public final class Proration {
  public BigDecimal gross(Employee employee, PayPeriod period) {
    if (!employee.hired().isAfter(period.start())) return employee.monthlySalary();
    int worked = period.days() - (employee.hired().getDayOfMonth() - 1);
    return dailyRate(employee.monthlySalary(), period.days()).multiply(BigDecimal.valueOf(worked)).setScale(2, RoundingMode.HALF_UP);
  }

  private BigDecimal dailyRate(BigDecimal monthly, int days) {
    return monthly.divide(BigDecimal.valueOf(days));
  }
}
