import * as Sentry from "@sentry/browser";
import { setPendingAction } from "./actions.mjs";
import { mountStorefront } from "./ui.mjs";

const config = window.__FERNHOLLOW__;

Sentry.init({
  dsn: config.sentryDsn,
  release: config.release,
  environment: "production",
  sendClientReports: false,
  // Dedupe drops an event identical to the one before it; the corpus wants every occurrence.
  integrations: (defaults) => defaults.filter((integration) => integration.name !== "Dedupe"),
});

mountStorefront();

// The support hook the test driver uses: it queues the shopper's change and tags the session with the case.
window.fernhollowSupport = {
  stage(action, trace) {
    setPendingAction(action);
    Sentry.setTag("corpus_case", trace);
  },
};
