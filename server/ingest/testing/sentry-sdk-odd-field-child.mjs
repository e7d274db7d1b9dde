// An application instrumented with the real @sentry/node SDK, run as a child process by sentry-sdk.test.ts: its
// beforeSend hook writes one frame's line number as a string, as a buggy integration might, before the SDK sends.
import * as Sentry from "@sentry/node";

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  tracesSampleRate: 0,
  sendClientReports: false,
  beforeSend(event) {
    const frames = event.exception?.values?.[0]?.stacktrace?.frames ?? [];
    const last = frames.findLast((frame) => typeof frame.lineno === "number");
    if (last) last.lineno = String(last.lineno);
    return event;
  },
});

function parseOrder(text) {
  return JSON.parse(text);
}

try {
  parseOrder("{not json");
} catch (error) {
  Sentry.captureException(error);
}
await Sentry.flush(10_000);
