package com.tixly.seats.web;

import corpus.sentry.Sentry;

/** Starts the box office API on a loopback port, prints it, and serves until stdin closes. */
public final class Main {
  public static void main(String[] args) throws Exception {
    Sentry.init(System.getenv("SENTRY_DSN"), System.getenv("CORPUS_RELEASE"), "com.tixly");
    BoxOfficeServer server = new BoxOfficeServer();
    System.out.println("PORT " + server.start());
    System.out.flush();
    while (System.in.read() != -1) {
      // the driver closes stdin when it is done
    }
    server.stop();
  }
}
