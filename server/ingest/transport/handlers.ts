import "server-only";
import type { SentryEvent } from "@/engine/event/schema";
import { endpoints } from "@/lib/contracts/endpoints";
import type { IngestResponse } from "@/lib/contracts/ingest";
import { NotFoundError, UnauthenticatedError, ValidationError } from "../../http/errors";
import { defineRoute, type RouteHandler } from "../../http/route";
import { authenticate, keyFromDsn, keysFromRequest, missingKeyError, type KeyOffer } from "./auth";
import { env, type Env } from "../../env";
import { DecodedBody, decodeLegacyStoreBody, IngestTooLargeError, readDecodedBody } from "./body";
import { preflightResponse } from "../../http/cors";
import { parseEnvelopeHeader, parseEnvelopeItems } from "./envelope";
import { envelopeEventId, eventOfEnvelope, parseEventPayload } from "./events";
import { INGEST_LIMITS, type IngestLimits } from "./limits";
import { pixelResponse } from "./pixel";
import { createRateLimiter, type RateLimiter } from "./rate-limit";
import type { IngestProject, IngestResult } from "../types";

/** What the handlers need from the rest of the server; tests pass fakes, http.ts the real pipeline. */
export interface IngestDependencies {
  findProject(projectId: number): Promise<IngestProject | null>;
  /** The project whose DSN key this is (keys are per project), for `/api/store/`, whose path names no project. */
  findProjectByKey(publicKey: string): Promise<IngestProject | null>;
  /** Groups the event, or accepts it for grouping (the inbox); either way resolves with its id once it is durable. */
  ingest(project: IngestProject, event: SentryEvent): Promise<Pick<IngestResult, "eventId">>;
  limits?: IngestLimits;
  /** Per project key; from INGEST_RATE_LIMIT_* unless given. */
  rateLimiter?: RateLimiter;
}

export interface IngestHandlers {
  storeHandler: RouteHandler;
  /** GET /api/<project_id>/store/?sentry_data=…: the legacy image-tag form, answered with a 1×1 GIF. */
  storePixelHandler: RouteHandler;
  /** POST /api/store/: the legacy path without a project id; the project is the key's. */
  keyStoreHandler: RouteHandler;
  /** GET /api/store/?sentry_data=…&sentry_key=…: the image-tag form of the same. */
  keyStorePixelHandler: RouteHandler;
  envelopeHandler: RouteHandler;
  /** OPTIONS on each path: the CORS preflight of browser SDKs. */
  storePreflightHandler: RouteHandler;
  keyStorePreflightHandler: RouteHandler;
  envelopePreflightHandler: RouteHandler;
}

const MAX_PROJECT_ID = 2_147_483_647;

function projectIdOf(raw: string): number {
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
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

/** The limiter of INGEST_RATE_LIMIT_PER_SECOND and INGEST_RATE_LIMIT_BURST. */
export function rateLimiterFromEnv(
  config: Pick<Env, "INGEST_RATE_LIMIT_PER_SECOND" | "INGEST_RATE_LIMIT_BURST"> = env(),
): RateLimiter {
  return createRateLimiter({ perSecond: config.INGEST_RATE_LIMIT_PER_SECOND, burst: config.INGEST_RATE_LIMIT_BURST });
}

/** Builds the Sentry SDK route handlers over the given project lookup and ingest function. */
export function createIngestHandlers(deps: IngestDependencies): IngestHandlers {
  const limits = deps.limits ?? INGEST_LIMITS;
  // Made on the first request, so that importing a route module does not read the configuration.
  let rateLimiter = deps.rateLimiter;

  // The project is looked up before anything of the body is read: an unknown project costs one query.
  async function knownProject(projectId: number): Promise<IngestProject> {
    const project = await deps.findProject(projectId);
    if (!project) throw new NotFoundError(`There is no project ${projectId}; check the DSN the SDK uses.`);
    return project;
  }

  // Authenticated first, then rate-limited: only a project's own key can spend that key's tokens.
  function admit(project: IngestProject, offers: readonly KeyOffer[]): void {
    authenticate(project, offers);
    rateLimiter ??= rateLimiterFromEnv();
    rateLimiter.take(`${project.id}:${project.publicKey}`);
  }

  /** The project of a path without a project id: the one whose public key the request's headers or query offer. */
  async function projectOfKey(offers: readonly KeyOffer[]): Promise<IngestProject> {
    const [first] = offers;
    if (!first) throw missingKeyError();
    const project = await deps.findProjectByKey(first.key);
    if (!project) {
      throw new UnauthenticatedError(
        `The Sentry key in ${first.source} is not the public key of any project; check the DSN the SDK uses.`,
      );
    }
    return project;
  }

  async function ingestOne(project: IngestProject, event: SentryEvent | undefined): Promise<IngestResponse> {
    const result = event ? await deps.ingest(project, event) : undefined;
    return result ? { id: result.eventId } : {};
  }

  /**
   * With the key in a header or the query, a wrong key is refused before the body is read. With the key only in
   * the envelope header's dsn, no more than one event's worth of the body is decompressed before the first line
   * (that header) has been read and its key verified; only then may the envelope grow to its own limit.
   */
  async function handleEnvelope(request: Request, project: IngestProject): Promise<IngestResponse> {
    const offers = keysFromRequest(request);
    if (offers.length) admit(project, offers);
    const body = offers.length
      ? new DecodedBody(request, limits.envelopeBodyBytes, limits.envelopeBytes, "The envelope")
      : new DecodedBody(
          request,
          limits.envelopeBodyBytes,
          limits.eventBytes,
          "The envelope header (read before its key is checked)",
        );
    try {
      const { header } = parseEnvelopeHeader(await body.firstLine());
      const dsnOffers = header.dsn ? [keyFromDsn(header.dsn, project.id)] : [];
      // Every key offered must be the project's: the dsn's too when the headers already had the right one.
      if (!offers.length) {
        admit(project, dsnOffers);
        body.raiseLimit(limits.envelopeBytes, "The envelope");
      } else if (dsnOffers.length) authenticate(project, dsnOffers);
      const bytes = await body.readAll();
      const { itemsStart } = parseEnvelopeHeader(bytes);
      const envelope = { header, items: parseEnvelopeItems(bytes, itemsStart) };
      const event = eventOfEnvelope(envelope, limits.eventBytes);
      // As Relay: the answer is the header's event_id, the one the SDK chose, even for an envelope without an event.
      if (!event) return header.event_id ? { id: envelopeEventId(envelope) } : {};
      return await ingestOne(project, event);
    } finally {
      await body.close();
    }
  }

  /** One event as the body (JSON, compressed, or base64 of zlib as old SDKs send it). */
  async function storeEvent(request: Request, project: IngestProject): Promise<IngestResponse> {
    admit(project, keysFromRequest(request));
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
    return ingestOne(project, event);
  }

  /** One event in the `sentry_data` query parameter (JSON, or base64 of zlib), answered with a 1×1 GIF. */
  async function storePixel(request: Request, project: IngestProject): Promise<Response> {
    admit(project, keysFromRequest(request));
    const data = new URL(request.url).searchParams.get("sentry_data");
    if (data === null) {
      throw new ValidationError("Missing sentry_data: the GET store endpoint takes the event in that query parameter.");
    }
    const bytes = Buffer.from(data, "utf8");
    if (bytes.length > limits.storeBodyBytes) throw new IngestTooLargeError("The event", limits.storeBodyBytes);
    const event = parseEventPayload(
      await decodeLegacyStoreBody(bytes, limits.eventBytes),
      "The event",
      limits.eventBytes,
    );
    await deps.ingest(project, event);
    return pixelResponse();
  }

  /** POST /api/<project_id>/store/: one event as JSON (Sentry's legacy endpoint, still used by some SDKs). */
  const storeHandler = defineRoute(endpoints.storeEvent, async ({ request, params }) => {
    const project = await knownProject(projectIdOf(params.project_id));
    return isEnvelopeRequest(request) ? handleEnvelope(request, project) : storeEvent(request, project);
  });

  const storePixelHandler = defineRoute(endpoints.storeEventPixel, async ({ request, params }) =>
    storePixel(request, await knownProject(projectIdOf(params.project_id))),
  );

  const keyStoreHandler = defineRoute(endpoints.keyStoreEvent, async ({ request }) => {
    const project = await projectOfKey(keysFromRequest(request));
    return isEnvelopeRequest(request) ? handleEnvelope(request, project) : storeEvent(request, project);
  });

  const keyStorePixelHandler = defineRoute(endpoints.keyStoreEventPixel, async ({ request }) =>
    storePixel(request, await projectOfKey(keysFromRequest(request))),
  );

  /** POST /api/<project_id>/envelope/: an envelope; its event item is ingested, the other items dropped. */
  const envelopeHandler = defineRoute(endpoints.sendEnvelope, async ({ request, params }) =>
    handleEnvelope(request, await knownProject(projectIdOf(params.project_id))),
  );

  return {
    storeHandler,
    storePixelHandler,
    keyStoreHandler,
    keyStorePixelHandler,
    envelopeHandler,
    storePreflightHandler: defineRoute(endpoints.storePreflight, async () => preflightResponse()),
    keyStorePreflightHandler: defineRoute(endpoints.keyStorePreflight, async () => preflightResponse()),
    envelopePreflightHandler: defineRoute(endpoints.envelopePreflight, async () => preflightResponse()),
  };
}
