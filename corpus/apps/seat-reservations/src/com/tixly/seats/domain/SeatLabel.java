package com.tixly.seats.domain;

/** "B-12": row letter, seat number, as printed on the seating plan. */
public record SeatLabel(char row, int number) {
  public static SeatLabel parse(String label) {
    String[] parts = label.split("-");
    return new SeatLabel(parts[0].charAt(0), Integer.parseInt(parts[1]));
  }
}
