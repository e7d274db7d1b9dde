package com.tixly.seats.domain;

import java.util.HashMap;
import java.util.Map;

/** Section prices in cents, from the promoter's "SECTION=cents" lines. */
public final class PriceList {
  private final Map<String, Integer> cents = new HashMap<>();

  public static PriceList parse(String text) {
    PriceList prices = new PriceList();
    for (String line : text.split("\n")) {
      String[] kv = line.split("=");
      prices.cents.put(kv[0].trim(), parseCents(kv[1]));
    }
    return prices;
  }

  private static int parseCents(String text) {
    return Integer.parseInt(text.trim());
  }

  public int priceOf(String section) {
    return cents.getOrDefault(section, 4500);
  }
}
