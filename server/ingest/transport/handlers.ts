import "server-only";
import type { SentryEvent } from "@/lib/event/schema";
import { NotFoundError } from "../../http/errors";
import { authenticate, keyFromDsn, keysFromRequest, type KeyOffer } from "./auth";
import { decodeLegacyStoreBody, readDecodedBody } from "./body";
import { preflightResponse } from "./cors";
import { parseEnvelopeHeader, parseEnvelopeItems } from "./envelope";
import { eventsOfEnvelope, parseEventPayload } from "./events";
import { defineIngestRoute, type IngestRouteHandler } from "./handler";
import { INGEST_LIMITS, type IngestLimits } from "./limits";

// The shapes of server/ingest/pipeline.ts, restated so that the transport (and its tests) do not load it.
export interface IngestProject {
  id: number;
  publicKey: string;
  platform: string;
}

export interface IngestResult {
  eventId: string;
  groupId: number;
  duplicate: boolean;
}

/** What the handlers need from the rest of the server; tests pass fakes, http.ts the real pipeline. */
export interface IngestDependencies {
  findProject(projectId: number): Promise<IngestProject | null>;
  ingest(project: IngestProject, event: SentryEvent): Promise<IngestResult>;
  limits?: IngestLimits;
}

export interface IngestHandlers {
  storeHandler: IngestRouteHandler;
  envelopeHandler: IngestRouteHandler;
  ingestOptionsHandler: IngestRouteHandler;
}

const MAX_PROJECT_ID = 2_147_483_647;

function projectIdOf(params: Record<string, string | string[]>): number {
  const raw = params.project_id;
  const id = typeof raw === "string" && /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
  if (id < 1 || id > MAX_PROJECT_ID) {
    throw new NotFoundError(
      `There is no project "${String(raw)}": the URL must end in the number at the end of the DSN.`,
    );
  }
  return id;
}

// Some SDKs post envelopes to the store endpoint with this content type; Relay accepts them there too.
function isEnvelopeRequest(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-sentry-envelope");
}

/** Builds the Sentry SDK route handlers over the given project lookup and ingest function. */
export function createIngestHandlers(deps: IngestDependencies): IngestHandlers {
  const limits = deps.limits ?? INGEST_LIMITS;

  async function authenticatedProject(projectId: number, offers: readonly KeyOffer[]): Promise<IngestProject> {
    const project = await deps.findProject(projectId);
    if (!project) throw new NotFoundError(`There is no project ${projectId}; check the DSN the SDK uses.`);
    authenticate(project, offers);
    return project;
  }

  // Events are ingested one by one only after all of them passed validation (see eventsOfEnvelope).
  async function ingestAll(project: IngestProject, events: readonly SentryEvent[]): Promise<IngestResult[]> {
    const results: IngestResult[] = [];
    for (const event of events) results.push(await deps.ingest(project, event));
    return results;
  }

  async function handleEnvelope(request: Request, projectId: number): Promise<Response> {
    const offers = keysFromRequest(request);
    // With the key in a header or the query, a wrong key is refused before the body is read and decompressed.
    let project = offers.length ? await authenticatedProject(projectId, offers) : null;
    const bytes = await readDecodedBody(
      request,
      { wireBytes: limits.envelopeBodyBytes, decodedBytes: limits.envelopeBytes },
      "The envelope",
    );
    const { header, itemsStart } = parseEnvelopeHeader(bytes);
    const dsnOffers = header.dsn ? [keyFromDsn(header.dsn, projectId)] : [];
    // Every key offered must be the project's: the dsn's too when the headers already had the right one.
    if (!project) project = await authenticatedProject(projectId, dsnOffers);
    else if (dsnOffers.length) authenticate(project, dsnOffers);
    const events = eventsOfEnvelope({ header, items: parseEnvelopeItems(bytes, itemsStart) }, limits.eventBytes);
    const [first] = await ingestAll(project, events);
    return Response.json(first ? { id: first.eventId } : {});
  }

  /** POST /api/<project_id>/store/: one event as JSON (Sentry's legacy endpoint, still used by some SDKs). */
  const storeHandler = defineIngestRoute(async (request, params) => {
    const projectId = projectIdOf(params);
    if (isEnvelopeRequest(request)) return handleEnvelope(request, projectId);
    const project = await authenticatedProject(projectId, keysFromRequest(request));
    const body = await readDecodedBody(
      request,
      { wireBytes: limits.storeBodyBytes, decodedBytes: limits.eventBytes },
      "The event",
    );
    const event = parseEventPayload(
      await decodeLegacyStoreBody(body, limits.eventBytes),
      "The event",
      limits.eventBytes,
    );
    const [result] = await ingestAll(project, [event]);
    return Response.json({ id: result?.eventId });
  });

  /** POST /api/<project_id>/envelope/: an envelope; its event items are ingested, the other items dropped. */
  const envelopeHandler = defineIngestRoute((request, params) => handleEnvelope(request, projectIdOf(params)));

  /** OPTIONS on both endpoints: the CORS preflight of browser SDKs. */
  const ingestOptionsHandler = defineIngestRoute(async () => preflightResponse());

  return { storeHandler, envelopeHandler, ingestOptionsHandler };
}
