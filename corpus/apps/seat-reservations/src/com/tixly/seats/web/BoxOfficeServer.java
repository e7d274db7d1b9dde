package com.tixly.seats.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tixly.seats.domain.BoxOffice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** POST /api/{operation} runs it in the request thread; POST /api/async/{operation} on the checkout pool. */
public final class BoxOfficeServer {
  private final HttpServer server;
  private final BoxOffice office = new BoxOffice();
  private final ExecutorService checkoutPool = Executors.newFixedThreadPool(2);

  public BoxOfficeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::handle).getFilters().add(new ReportingFilter());
  }

  @SuppressWarnings("unchecked")
  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring("/api/".length());
    Map<String, Object> payload = (Map<String, Object>) Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    Object result;
    if (path.startsWith("async/")) {
      String operation = path.substring("async/".length());
      result = CompletableFuture.supplyAsync(() -> office.run(operation, payload), checkoutPool).join();
    } else {
      result = office.run(path, payload);
    }
    byte[] body = String.valueOf(result).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  public int start() {
    server.start();
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
    checkoutPool.shutdown();
  }
}
