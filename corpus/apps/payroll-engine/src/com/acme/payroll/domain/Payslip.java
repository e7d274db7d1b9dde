package com.acme.payroll.domain;

import java.math.BigDecimal;

public final class Payslip {
  private final String employeeId;
  private final PayPeriod period;
  private BigDecimal net = BigDecimal.ZERO;
  private boolean finalized;

  public Payslip(String employeeId, PayPeriod period) {
    this.employeeId = employeeId;
    this.period = period;
  }

  public void setNet(BigDecimal net) {
    if (finalized) throw new IllegalStateException("payslip " + employeeId + "/" + period.start() + " is final");
    this.net = net;
  }

  public void finalizeSlip() {
    if (finalized) throw new IllegalStateException("payslip " + employeeId + "/" + period.start() + " was already finalized");
    finalized = true;
  }

  public boolean isFinal() {
    return finalized;
  }

  public BigDecimal net() {
    return net;
  }
}
