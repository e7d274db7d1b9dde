package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.util.Map;

/** Hourly rates by role; a timesheet line may override the rate. */
public final class RateCard {
  private final Map<String, BigDecimal> rates = Map.of("engineer", new BigDecimal("48.50"), "support", new BigDecimal("31.20"));

  public BigDecimal rateFor(String role, String override) {
    if (override != null && !override.isBlank()) {
      return parseRate(override);
    }
    return rates.getOrDefault(role, new BigDecimal("25.00"));
  }

  BigDecimal parseRate(String text) {
    return Decimals.parse(text);
  }
}
