package com.acme.payroll.io;

import com.acme.payroll.domain.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the bank's payment confirmation file: "iban;amount;reference;value date". */
public final class BankFileReader {
  public record Confirmation(String iban, BigDecimal amount, String reference, LocalDate valueDate) {}

  public List<Confirmation> read(String text) {
    List<Confirmation> confirmations = new ArrayList<>();
    text.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> confirmations.add(parseLine(line)));
    return confirmations;
  }

  private Confirmation parseLine(String line) {
    String[] parts = line.split(";");
    return new Confirmation(parts[0], Decimals.parse(parts[1]), parts[2], LocalDate.parse(parts[3]));
  }
}
