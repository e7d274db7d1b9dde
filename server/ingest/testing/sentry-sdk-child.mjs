// A tiny application instrumented with the real @sentry/node SDK, run as a child process by sentry-sdk.test.ts:
// the same error from the same code path three times, and a different error once.
import * as Sentry from "@sentry/node";

Sentry.init({ dsn: process.env.SENTRY_DSN, release: "checkout@1.4.2", tracesSampleRate: 0, sendClientReports: false });

function chargeCard(amount) {
  if (amount > 100) throw new Error(`card declined for amount ${amount}`);
}

function checkout(amount) {
  chargeCard(amount);
}

function readCart(cart) {
  return cart.items.length;
}

for (const amount of [150, 240, 999]) {
  try {
    checkout(amount);
  } catch (error) {
    Sentry.captureException(error);
  }
}
try {
  readCart(undefined);
} catch (error) {
  Sentry.captureException(error);
}
await Sentry.flush(10_000);
