package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Withholding rates by region (a flat approximation; the yearly table is loaded from the tax office feed). */
public final class TaxTable {
  private final Map<String, BigDecimal> rates = Map.of(
      "DE-BE", new BigDecimal("0.27"), "DE-BY", new BigDecimal("0.26"), "DE-HH", new BigDecimal("0.27"),
      "AT-W", new BigDecimal("0.25"));

  public BigDecimal withholding(BigDecimal gross, String region) {
    BigDecimal rate = rates.get(region);
    return gross.multiply(rate).setScale(2, RoundingMode.HALF_UP);
  }
}
