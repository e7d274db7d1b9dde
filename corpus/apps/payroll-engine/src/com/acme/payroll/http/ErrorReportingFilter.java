package com.acme.payroll.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import corpus.sentry.Sentry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Tags the request's scope, reports what the handlers throw and answers 500. */
public final class ErrorReportingFilter extends Filter {
  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    String trace = exchange.getRequestHeaders().getFirst("X-Corpus-Case");
    if (trace != null) Sentry.setTag("corpus_case", trace);
    try {
      chain.doFilter(exchange);
    } catch (RuntimeException error) {
      Sentry.captureException(error);
      byte[] body = "{\"error\":\"internal\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(500, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    } finally {
      Sentry.removeTag("corpus_case");
    }
  }

  @Override
  public String description() {
    return "error reporting";
  }
}
