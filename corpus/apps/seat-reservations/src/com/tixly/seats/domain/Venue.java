package com.tixly.seats.domain;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

public record Venue(String name, String zone, Map<String, List<Character>> sections) {
  public List<Character> rowsOf(String section) {
    return sections.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(section))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }
}
