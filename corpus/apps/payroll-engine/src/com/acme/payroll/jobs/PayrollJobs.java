package com.acme.payroll.jobs;

import com.acme.payroll.domain.PayrunService;
import com.acme.payroll.domain.TimesheetService;
import java.util.Map;

/** The job types the worker pool knows, by name. */
public final class PayrollJobs {
  private final PayrunService payruns;
  private final TimesheetService timesheets;

  public PayrollJobs(PayrunService payruns, TimesheetService timesheets) {
    this.payruns = payruns;
    this.timesheets = timesheets;
  }

  @SuppressWarnings("unchecked")
  Object perform(String job, Object payload) {
    return switch (job) {
      case "close-payrun" -> closePayrun((Map<String, String>) payload);
      case "import-timesheet" -> importTimesheet((String) payload);
      default -> throw new IllegalArgumentException("unknown job " + job);
    };
  }

  private Object closePayrun(Map<String, String> request) {
    return payruns.close(request);
  }

  private Object importTimesheet(String sheet) {
    return timesheets.importSheet(sheet);
  }
}
