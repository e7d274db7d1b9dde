package com.acme.payroll;

import com.acme.payroll.domain.EmployeeDirectory;
import com.acme.payroll.domain.PayrunService;
import com.acme.payroll.domain.TimesheetService;
import com.acme.payroll.http.PayrollServer;
import com.acme.payroll.jobs.JobRunner;
import com.acme.payroll.jobs.PayrollJobs;
import corpus.sentry.Sentry;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Drives payroll-engine through its entry points: HTTP routes, the batch route, retried jobs and the CLI. */
public final class Scenarios {
  private static final int OCCURRENCES = 3;
  private static final Random random = new Random(Long.parseLong(System.getenv().getOrDefault("CORPUS_SEED", "1")));

  private record Cause(String name, String kind, Supplier<Object> payload) {}

  private static final EmployeeDirectory directory = new EmployeeDirectory();
  private static final PayrunService payruns = new PayrunService(directory);
  private static final TimesheetService timesheets = new TimesheetService();
  private static final JobRunner jobs = new JobRunner(new PayrollJobs(payruns, timesheets));
  private static final List<String> cliScript = new ArrayList<>();
  private static String base;
  private static Path workdir;
  private static int cases;

  private static int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  private static String timesheet(String hours, String rate) {
    StringBuilder sheet = new StringBuilder("employee;day;hours;rate\n");
    sheet.append("E-100;2024-03-0").append(between(1, 4)).append(";8.0\n");
    sheet.append("E-100;2024-03-0").append(between(5, 8)).append(';').append(hours).append(rate == null ? "" : ";" + rate).append('\n');
    return sheet.toString();
  }

  private static Map<String, String> payrun(String employee, String period, String... extra) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("employee", employee);
    form.put("period", period);
    form.put("hours", String.valueOf(between(150, 175)));
    for (int i = 0; i < extra.length; i += 2) form.put(extra[i], extra[i + 1]);
    return form;
  }

  private static final String MARCH = "2024-03-01..2024-03-31";

  private static List<Cause> causes() {
    return List.of(
        new Cause("hours-decimal-comma", "timesheet", () -> timesheet(between(6, 9) + "," + between(1, 9), null)),
        new Cause("rate-decimal-comma", "timesheet", () -> timesheet("7.5", between(30, 49) + "," + between(10, 99))),
        new Cause("period-date-format", "payrun", () -> payrun("E-100", "0" + between(1, 3) + ".03.2024..31.03.2024")),
        new Cause("hire-date-format", "onboard", () -> Map.of("id", "E-" + between(200, 999), "region", "DE-BE",
            "salary", "4100.00", "hired", between(10, 28) + "/03/2024")),
        new Cause("tax-region-missing", "payrun", () -> payrun("E-REGION", MARCH)),
        new Cause("employee-without-plan", "payrun", () -> payrun("E-NOPLAN", MARCH)),
        new Cause("proration-non-terminating", "payrun", () -> payrun("E-MIDJOIN", MARCH)),
        new Cause("overtime-zero-weeks", "payrun", () -> payrun("E-100", "2024-03-0" + between(1, 3) + "..2024-03-0" + between(4, 6))),
        new Cause("payslip-already-final", "payrun", () -> {
          int month = between(4, 9);
          return payrun("E-100", "2024-0" + month + "-01..2024-0" + month + "-28", "closed-before", "yes");
        }),
        new Cause("payslip-unknown-currency", "payrun", () -> payrun("E-CURRENCY", MARCH)),
        new Cause("ledger-immutable-adjustments", "payrun", () -> payrun("E-LEGACY", MARCH, "correction", between(10, 90) + ".00")),
        new Cause("deductions-removed-while-iterating", "payrun", () -> payrun("E-EXPIRED", MARCH)),
        new Cause("bank-confirmation-short-row", "bank", () -> "iban;amount;reference;value date\n"
            + "DE89370400440532013000;" + between(2000, 4000) + ".00;SALARY-03;2024-03-28\n"
            + "DE02120300000000202051;" + between(2000, 4000) + ".00;SALARY-03\n"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<EntryPoint>> entryPoints() {
    return Map.of(
        "timesheet", List.of(
            (trace, p) -> post("/timesheets", trace, (String) p),
            (trace, p) -> job("import-timesheet", trace, p),
            (trace, p) -> cli(trace, "import-timesheet", file((String) p))),
        "payrun", List.of(
            (trace, p) -> { prepare((Map<String, String>) p); post("/payruns/close", trace, form((Map<String, String>) p)); },
            (trace, p) -> { prepare((Map<String, String>) p); post("/payruns/batch", null, trace + "\t" + form((Map<String, String>) p)); },
            (trace, p) -> { prepare((Map<String, String>) p); job("close-payrun", trace, p); },
            (trace, p) -> cli(trace, closeArgs((Map<String, String>) p))),
        "onboard", List.of(
            (trace, p) -> post("/employees", trace, form((Map<String, String>) p)),
            (trace, p) -> { Map<String, String> f = (Map<String, String>) p; cli(trace, "onboard", f.get("id"), f.get("region"), f.get("salary"), f.get("hired")); }),
        "bank", List.of(
            (trace, p) -> post("/bank/import", trace, (String) p),
            (trace, p) -> cli(trace, "import-bank", file((String) p))));
  }

  private interface EntryPoint {
    void run(String trace, Object payload) throws Exception;
  }

  public static void main(String[] args) {
    try {
      run();
      System.exit(0);
    } catch (Exception error) {
      error.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    Sentry.init(System.getenv("SENTRY_DSN"), System.getenv("CORPUS_RELEASE"), "com.acme.payroll");
    workdir = Files.createTempDirectory("payrollctl-");
    PayrollServer server = new PayrollServer(directory, payruns, timesheets);
    base = "http://127.0.0.1:" + server.start();
    Map<String, List<EntryPoint>> entries = entryPoints();
    for (Cause cause : causes()) {
      List<EntryPoint> routes = entries.get(cause.kind());
      for (int e = 0; e < routes.size(); e++) {
        String entryName = entryName(cause.kind(), e);
        for (int n = 0; n < OCCURRENCES; n++) {
          routes.get(e).run(cause.name() + "|" + entryName + "|" + n, cause.payload().get());
          cases++;
        }
      }
    }
    jobs.drain();
    server.stop();
    Path script = workdir.resolve("script.tsv");
    Files.write(script, cliScript);
    Process cli = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp", System.getProperty("java.class.path"),
        "com.acme.payroll.cli.PayrollCli", "--script", script.toString()).inheritIO().start();
    if (cli.waitFor() != 0) throw new IllegalStateException("payrollctl failed");
    System.out.println("CORPUS_CASES " + cases);
  }

  private static String entryName(String kind, int index) {
    return switch (kind) {
      case "timesheet" -> new String[] {"POST /timesheets", "job import-timesheet", "cli import-timesheet"}[index];
      case "payrun" -> new String[] {"POST /payruns/close", "POST /payruns/batch", "job close-payrun", "cli close"}[index];
      case "onboard" -> new String[] {"POST /employees", "cli onboard"}[index];
      default -> new String[] {"POST /bank/import", "cli import-bank"}[index];
    };
  }

  private static void prepare(Map<String, String> request) {
    if (request.containsKey("closed-before")) payruns.markClosed(request.get("employee"), request.get("period"));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String[] closeArgs(Map<String, String> fields) {
    List<String> words = new ArrayList<>(List.of("close"));
    fields.forEach((k, v) -> words.add(k + "=" + v));
    return words.toArray(String[]::new);
  }

  private static String file(String text) throws IOException {
    Path path = workdir.resolve("input-" + cliScript.size() + ".txt");
    Files.writeString(path, text);
    return path.toString();
  }

  private static void cli(String trace, String... argv) {
    cliScript.add(trace + "\t" + String.join("\t", argv));
  }

  private static void job(String name, String trace, Object payload) throws Exception {
    Sentry.setTag("corpus_case", trace);
    Map<String, String> tags = Sentry.snapshotTags();
    Sentry.removeTag("corpus_case");
    jobs.submit(name, tags, payload).get();
  }

  private static void post(String path, String trace, String body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    if (trace != null) connection.setRequestProperty("X-Corpus-Case", trace);
    connection.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    int status = connection.getResponseCode();
    (status >= 400 ? connection.getErrorStream() : connection.getInputStream()).readAllBytes();
  }
}
