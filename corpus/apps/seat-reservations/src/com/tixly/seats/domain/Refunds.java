package com.tixly.seats.domain;

public final class Refunds {
  public int refund(int paidCents, int feeCents) {
    int amount = paidCents - feeCents;
    if (amount < 0) throw new IllegalArgumentException("refund of " + amount + " cents for a ticket paid " + paidCents);
    return amount;
  }
}
