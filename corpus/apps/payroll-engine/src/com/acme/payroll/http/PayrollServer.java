package com.acme.payroll.http;

import com.acme.payroll.domain.EmployeeDirectory;
import com.acme.payroll.domain.PayrunService;
import com.acme.payroll.domain.TimesheetService;
import com.acme.payroll.io.BankFileReader;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import corpus.sentry.Sentry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** The payroll HTTP API on the JDK's built-in server. */
public final class PayrollServer {
  private final HttpServer server;
  private final PayrunService payruns;
  private final TimesheetService timesheets;
  private final EmployeeDirectory directory;
  private final BankFileReader bank = new BankFileReader();

  public PayrollServer(EmployeeDirectory directory, PayrunService payruns, TimesheetService timesheets) throws IOException {
    this.directory = directory;
    this.payruns = payruns;
    this.timesheets = timesheets;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    route("/timesheets", exchange -> respond(exchange, timesheets.importSheet(body(exchange)).toPlainString()));
    route("/payruns/close", exchange -> respond(exchange, payruns.close(Forms.parse(body(exchange)))));
    route("/payruns/batch", this::closeBatch);
    route("/bank/import", exchange -> respond(exchange, bank.read(body(exchange)).size() + " confirmations"));
    route("/employees", exchange -> respond(exchange, directory.onboard(Forms.parse(body(exchange))).id()));
  }

  private void route(String path, HttpHandler handler) {
    server.createContext(path, handler).getFilters().add(new ErrorReportingFilter());
  }

  /** Closes several employees at once; each failure is reported and the batch goes on. */
  private void closeBatch(HttpExchange exchange) throws IOException {
    int failed = 0;
    for (String item : body(exchange).split("\n")) {
      String[] traced = item.split("\t", 2);
      Sentry.setTag("corpus_case", traced[0]);
      try {
        payruns.close(Forms.parse(traced[1]));
      } catch (RuntimeException error) {
        failed++;
        Sentry.captureException(error);
      }
    }
    respond(exchange, failed + " failed");
  }

  public int start() {
    server.start();
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdown();
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void respond(HttpExchange exchange, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
