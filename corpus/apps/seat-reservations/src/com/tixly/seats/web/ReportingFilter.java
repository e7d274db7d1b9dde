package com.tixly.seats.web;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import corpus.sentry.Sentry;
import java.io.IOException;

/** Tags each request's scope from its headers and reports what escapes the handlers. */
public final class ReportingFilter extends Filter {
  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Sentry.setTag("corpus_case", String.valueOf(exchange.getRequestHeaders().getFirst("X-Corpus-Case")));
    try {
      chain.doFilter(exchange);
    } catch (RuntimeException error) {
      Sentry.captureException(error);
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    } finally {
      Sentry.removeTag("corpus_case");
    }
  }

  @Override
  public String description() {
    return "reporting";
  }
}
