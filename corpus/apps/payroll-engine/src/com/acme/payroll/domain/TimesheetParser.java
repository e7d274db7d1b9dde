package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads "employee,day,hours[,rate]" lines as exported by the time clock. */
public final class TimesheetParser {
  private final RateCard rateCard;

  public TimesheetParser(RateCard rateCard) {
    this.rateCard = rateCard;
  }

  public List<TimesheetLine> parse(String text) {
    List<TimesheetLine> lines = new ArrayList<>();
    for (String raw : text.split("\n")) {
      if (raw.isBlank() || raw.startsWith("employee")) continue;
      lines.add(parseLine(raw.split(";")));
    }
    return lines;
  }

  private TimesheetLine parseLine(String[] cells) {
    LocalDate day = LocalDate.parse(cells[1]);
    BigDecimal hours = parseHours(cells[2]);
    BigDecimal rate = rateCard.rateFor("support", cells.length > 3 ? cells[3] : null);
    return new TimesheetLine(cells[0], day, hours, rate);
  }

  private BigDecimal parseHours(String text) {
    return Decimals.parse(text);
  }
}
