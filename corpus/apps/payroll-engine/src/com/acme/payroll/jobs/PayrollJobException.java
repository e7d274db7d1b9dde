package com.acme.payroll.jobs;

public class PayrollJobException extends RuntimeException {
  public PayrollJobException(String job, int attempts, Throwable cause) {
    super("job " + job + " failed after " + attempts + " attempts", cause);
  }
}
