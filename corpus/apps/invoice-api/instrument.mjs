import * as Sentry from "@sentry/node";

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  release: process.env.CORPUS_RELEASE,
  environment: "production",
  tracesSampleRate: 0,
  sendClientReports: false,
  // Dedupe drops an event identical to the one before it; the corpus wants every occurrence.
  integrations: (defaults) => defaults.filter((integration) => integration.name !== "Dedupe"),
});
