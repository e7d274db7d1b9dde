package com.acme.payroll.cli;

import com.acme.payroll.domain.EmployeeDirectory;
import com.acme.payroll.domain.PayrunService;
import com.acme.payroll.domain.TimesheetService;
import com.acme.payroll.io.BankFileReader;
import corpus.sentry.Sentry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** payrollctl: the operators' command line (import-timesheet, close, import-bank, onboard). */
public final class PayrollCli {
  private final EmployeeDirectory directory = new EmployeeDirectory();
  private final PayrunService payruns = new PayrunService(directory);
  private final TimesheetService timesheets = new TimesheetService();

  public static void main(String[] args) throws IOException {
    Sentry.init(System.getenv("SENTRY_DSN"), System.getenv("CORPUS_RELEASE"), "com.acme.payroll");
    PayrollCli cli = new PayrollCli();
    if (args.length == 2 && args[0].equals("--script")) {
      // One process runs a script of commands, one after another, as the nightly operator script does.
      for (String line : Files.readAllLines(Path.of(args[1]))) {
        String[] words = line.split("\t");
        Sentry.setTag("corpus_case", words[0]);
        cli.runReported(Arrays.copyOfRange(words, 1, words.length));
      }
    } else {
      cli.runReported(args);
    }
  }

  private void runReported(String[] args) {
    try {
      System.out.println(run(args));
    } catch (RuntimeException | IOException error) {
      Sentry.captureException(error);
    }
  }

  String run(String[] args) throws IOException {
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (args[0]) {
      case "import-timesheet":
        return timesheets.importSheet(Files.readString(Path.of(rest.get(0)))).toPlainString();
      case "close":
        return closePeriod(rest);
      case "import-bank":
        return new BankFileReader().read(Files.readString(Path.of(rest.get(0)))).size() + " confirmations";
      case "onboard":
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", rest.get(0));
        form.put("region", rest.get(1));
        form.put("salary", rest.get(2));
        form.put("hired", rest.get(3));
        return directory.onboard(form).id();
      default:
        throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private String closePeriod(List<String> rest) {
    Map<String, String> request = new LinkedHashMap<>();
    for (String option : rest) {
      String[] kv = option.split("=", 2);
      request.put(kv[0], kv[1]);
    }
    if (request.containsKey("closed-before")) payruns.markClosed(request.get("employee"), request.get("period"));
    return payruns.close(request);
  }
}
