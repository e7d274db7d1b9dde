package com.acme.payroll.domain;

import java.math.BigDecimal;

/** One-off corrections (bonuses, clawbacks) booked with the pay run. */
public final class AdjustmentLedger {
  public BigDecimal book(Employee employee, BigDecimal correction) {
    if (correction.signum() != 0) employee.adjustments().add(correction);
    return employee.adjustments().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
