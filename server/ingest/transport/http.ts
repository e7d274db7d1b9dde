import "server-only";
import { ingestMode } from "../mode";
import { createIngestHandlers } from "./handlers";

/**
 * The Sentry SDK endpoints over the real ingest pipeline: with INGEST_MODE=queue (the default) an event is answered
 * once it is in the inbox, which the server's worker groups in batches (server/ingest/inbox); with sync it is
 * grouped before the answer. The pipeline (Prisma, grouping, inference) is imported on the first request, so that
 * importing a route module stays cheap.
 */
export const {
  storeHandler,
  storePixelHandler,
  keyStoreHandler,
  keyStorePixelHandler,
  envelopeHandler,
  storePreflightHandler,
  keyStorePreflightHandler,
  envelopePreflightHandler,
} = createIngestHandlers({
  findProject: async (projectId) => (await import("../pipeline")).findProjectForIngest(projectId),
  findProjectByKey: async (publicKey) => (await import("../pipeline")).findProjectForIngestByKey(publicKey),
  ingest: async (project, event) =>
    ingestMode() === "queue"
      ? (await import("../inbox/accept")).acceptEvent(project, event)
      : (await import("../pipeline")).ingestEvent(project, event),
});
