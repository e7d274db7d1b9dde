import * as Sentry from "@sentry/node";
import { processPayload } from "./pipeline.mjs";

export class ReprocessError extends Error {
  constructor(letter, cause) {
    super(`dead letter ${letter.id} (${letter.kind}) could not be reprocessed`, { cause });
    this.name = "ReprocessError";
  }
}

async function reprocess(letter, attempts = 2) {
  let lastError;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await processPayload(letter.kind, letter.payload);
    } catch (error) {
      lastError = error;
    }
  }
  throw new ReprocessError(letter, lastError);
}

/** The cron job that retries dead-lettered payloads; each failure is reported once, chained to its cause. */
export function reprocessDeadLetters(letters) {
  return new Promise((resolve) => {
    setTimeout(async () => {
      for (const letter of letters) {
        await Sentry.withIsolationScope(async (scope) => {
          if (letter.trace) scope.setTag("corpus_case", letter.trace);
          scope.setTag("cron", "reprocess-dead-letters");
          try {
            await reprocess(letter);
          } catch (error) {
            Sentry.captureException(error);
          }
        });
      }
      resolve();
    }, 1);
  });
}
