package com.tixly.seats.domain;

import java.time.Instant;

public final class Hold {
  private final String id;
  private final Instant expires;

  public Hold(String id, Instant expires) {
    this.id = id;
    this.expires = expires;
  }

  public void confirm(Instant now) {
    if (now.isAfter(expires)) throw new IllegalStateException("hold " + id + " expired at " + expires);
  }
}
