package com.acme.payroll.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Closes one employee's pay period: gross, overtime, tax, deductions, adjustments, the payslip. */
public final class PayrunService {
  private final EmployeeDirectory directory;
  private final TaxTable taxes = new TaxTable();
  private final BenefitsCalculator benefits = new BenefitsCalculator();
  private final Proration proration = new Proration();
  private final OvertimeCalculator overtime = new OvertimeCalculator();
  private final AdjustmentLedger ledger = new AdjustmentLedger();
  private final PayslipRenderer renderer = new PayslipRenderer();
  private final Map<String, Payslip> slips = new ConcurrentHashMap<>();

  public PayrunService(EmployeeDirectory directory) {
    this.directory = directory;
  }

  public String close(Map<String, String> request) {
    Employee employee = directory.get(request.get("employee"));
    PayPeriod period = PayPeriod.parse(request.get("period"));
    BigDecimal gross = proration.gross(employee, period);
    int logged = Integer.parseInt(request.getOrDefault("hours", "160"));
    gross = gross.add(overtime.overtimeHours(logged, period).multiply(new BigDecimal("35.00")));
    BigDecimal net = gross.subtract(taxes.withholding(gross, employee.region()));
    net = net.subtract(benefits.deductions(employee, period.end()));
    net = net.add(ledger.book(employee, new BigDecimal(request.getOrDefault("correction", "0"))));
    Payslip slip = slips.computeIfAbsent(employee.id() + "/" + period.start(), key -> new Payslip(employee.id(), period));
    slip.setNet(net);
    String rendered = renderer.render(employee, slip);
    slip.finalizeSlip();
    return rendered;
  }

  /** A slip closed by an earlier run: re-closing it is the fault being reproduced. */
  public void markClosed(String employeeId, String period) {
    PayPeriod parsed = PayPeriod.parse(period);
    Payslip slip = slips.computeIfAbsent(employeeId + "/" + parsed.start(), key -> new Payslip(employeeId, parsed));
    if (!slip.isFinal()) slip.finalizeSlip();
  }
}
