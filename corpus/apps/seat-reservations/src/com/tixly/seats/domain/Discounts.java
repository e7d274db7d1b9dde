package com.tixly.seats.domain;

import java.util.Map;

public final class Discounts {
  private static final Map<String, Integer> PERCENT = Map.of("EARLYBIRD", 15, "STUDENT", 30);

  public int apply(int cents, String code, boolean member) {
    if (!member && code == null) return cents;
    String normalized = code.toUpperCase();
    return cents * (100 - PERCENT.getOrDefault(normalized, 0)) / 100;
  }
}
