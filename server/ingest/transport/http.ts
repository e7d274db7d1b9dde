import "server-only";
import { ingestMode } from "../mode";
import { createIngestHandlers } from "./handlers";

/**
 * The Sentry SDK endpoints over the real ingest pipeline: with INGEST_MODE=queue (the default) an event is answered
 * once it is in the inbox, which the server's worker groups in batches (server/ingest/inbox); with sync it is
 * grouped before the answer. The pipeline (Prisma, grouping, inference) is imported on the first request, so that
 * importing a route module stays cheap, and only then: under `npm start` every import() call goes through the
 * module loader's hooks on another thread, an eighth of an accepted event's CPU when it was made per request.
 */
let pipelineModule: Promise<typeof import("../pipeline")> | undefined;
let acceptModule: Promise<typeof import("../inbox/accept")> | undefined;
const pipeline = () => (pipelineModule ??= import("../pipeline"));
const accept = () => (acceptModule ??= import("../inbox/accept"));

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
  findProject: async (projectId) => (await pipeline()).findProjectForIngest(projectId),
  findProjectByKey: async (publicKey) => (await pipeline()).findProjectForIngestByKey(publicKey),
  ingest: async (project, event) =>
    ingestMode() === "queue"
      ? (await accept()).acceptEvent(project, event)
      : (await pipeline()).ingestEvent(project, event),
});
