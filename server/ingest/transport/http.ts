import "server-only";
import { createIngestHandlers } from "./handlers";

/**
 * The Sentry SDK endpoints over the real ingest pipeline. The pipeline (Prisma, grouping, inference) is
 * imported on the first request, so that importing a route module stays cheap.
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
  ingest: async (project, event) => (await import("../pipeline")).ingestEvent(project, event),
});
