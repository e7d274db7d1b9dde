import * as Sentry from "@sentry/browser";
import { performAction, takePendingAction } from "./actions.mjs";

export class SyncFailedError extends Error {
  constructor(action, cause) {
    super(`offline change ${action.kind} could not be synced`, { cause });
    this.name = "SyncFailedError";
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetry(action, attempts = 2) {
  let lastError;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await performAction(action);
    } catch (error) {
      lastError = error;
      await pause(5);
    }
  }
  throw new SyncFailedError(action, lastError);
}

/** Replays the change queued while offline once the connection is back; a failure is reported, chained. */
export async function flushOfflineQueue() {
  const action = takePendingAction();
  if (!action) return;
  try {
    await withRetry(action);
  } catch (error) {
    Sentry.captureException(error);
  }
}

/** Pulls the basket's pending change from the server and applies it. */
export function refreshFromServer() {
  return fetch("/api/basket/pending")
    .then((response) => response.json())
    .then((action) => performAction(action));
}

export async function saveDraft(action) {
  await fetch("/api/checkout/draft", { method: "POST", body: JSON.stringify(action) });
}
