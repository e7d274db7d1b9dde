package com.tixly.seats.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class Order {
  private final Map<String, Object> form;

  public Order(Map<String, Object> form) {
    this.form = form;
  }

  @SuppressWarnings("unchecked")
  public Map<String, SeatLabel> seatsByLabel() {
    List<String> labels = (List<String>) form.get("seats");
    return labels.stream().collect(Collectors.toMap(Function.identity(), SeatLabel::parse));
  }

  public int quantity() {
    return (Integer) form.get("quantity");
  }

  public String discountCode() {
    return (String) form.get("discount");
  }
}
