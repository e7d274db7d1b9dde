package com.tixly.seats.domain;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

public final class TicketRenderer {
  private static final String LINE = "%s | %s | Row %s Seat %d | doors %s";
  private static final String LINE_WITH_GATE = "%s | %s | Row %s Seat %d | gate %s | doors %s";

  public String render(Venue venue, String event, SeatLabel seat, ZonedDateTime doors, boolean gated) {
    String when = doors.format(DateTimeFormatter.ofPattern("HH:mm"));
    return gated ? String.format(LINE_WITH_GATE, event, venue.name(), seat.row(), seat.number(), when)
        : String.format(LINE, event, venue.name(), seat.row(), seat.number(), when);
  }
}
