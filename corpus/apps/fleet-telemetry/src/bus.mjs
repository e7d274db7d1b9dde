import { EventEmitter } from "node:events";
import * as Sentry from "@sentry/node";
import { processPayload } from "./pipeline.mjs";

/** The in-process message bus: topics `telemetry.<kind>`, consumed by async handlers. */
export const bus = new EventEmitter();

async function onTelemetry(message, done) {
  await Sentry.withIsolationScope(async (scope) => {
    if (message.headers?.trace) scope.setTag("corpus_case", message.headers.trace);
    scope.setTag("topic", message.topic);
    try {
      await processPayload(message.topic.slice("telemetry.".length), message.body);
    } catch (error) {
      Sentry.captureException(error);
    }
  });
  done?.();
}

bus.on("message", (message, done) => {
  void onTelemetry(message, done);
});

export function publish(topic, body, headers) {
  return new Promise((resolve) => bus.emit("message", { topic, body, headers }, resolve));
}
