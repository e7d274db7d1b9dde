package com.acme.payroll.domain;

import java.math.BigDecimal;

/** Amounts and hours arrive as text from timesheets, rate cards and forms. */
public final class Decimals {
  private Decimals() {}

  public static BigDecimal parse(String text) {
    return new BigDecimal(text.trim());
  }
}
