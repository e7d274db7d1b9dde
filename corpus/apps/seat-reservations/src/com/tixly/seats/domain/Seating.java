package com.tixly.seats.domain;

import java.util.List;

public final class Seating {
  /** The row closest to the stage still offered in the section. */
  public char bestRow(List<Character> rows) {
    return rows.stream().min(Character::compare).get();
  }
}
