package com.tixly.seats.cli;

import com.tixly.seats.domain.BoxOffice;
import com.tixly.seats.web.Json;
import corpus.sentry.Sentry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** seatsctl OPERATION payload.json, or --script FILE ("trace<TAB>operation<TAB>payload file" per line). */
public final class SeatsCli {
  public static void main(String[] args) throws IOException {
    Sentry.init(System.getenv("SENTRY_DSN"), System.getenv("CORPUS_RELEASE"), "com.tixly");
    BoxOffice office = new BoxOffice();
    if (args[0].equals("--script")) {
      for (String line : Files.readAllLines(Path.of(args[1]))) {
        String[] words = line.split("\t");
        Sentry.setTag("corpus_case", words[0]);
        execute(office, words[1], Path.of(words[2]));
      }
    } else {
      execute(office, args[0], Path.of(args[1]));
    }
  }

  @SuppressWarnings("unchecked")
  private static void execute(BoxOffice office, String operation, Path payload) throws IOException {
    try {
      System.out.println(office.run(operation, (Map<String, Object>) Json.parse(Files.readString(payload))));
    } catch (RuntimeException error) {
      Sentry.captureException(error);
    }
  }
}
