package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

public final class PayslipRenderer {
  public String render(Employee employee, Payslip slip) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.GERMANY);
    format.setCurrency(currency(employee.currency()));
    return employee.id() + " net " + format.format(slip.net());
  }

  private Currency currency(String code) {
    return Currency.getInstance(code);
  }
}
