import "server-only";
import { HttpError } from "../../http/errors";
import { errorResponse } from "../../http/route";
import { logger } from "../../logger";
import { withCors } from "./cors";

/**
 * The wrapper of the Sentry SDK endpoints, beside defineRoute rather than inside it: these are machine routes
 * called cross-origin by browser SDKs with no session, authenticated by a key that may sit inside the
 * (compressed) body, so defineRoute's session check, cross-site refusal and JSON body parsing do not apply.
 * Errors get the same `{ error: { code, message } }` envelope, and every response gets the CORS headers.
 */
export const INGEST_ACCESS = "ingest" as const;

type IngestContext = { params: Promise<Record<string, string | string[]>> };

/** A Sentry SDK route handler; `access` is read by the authorization matrix test. */
export type IngestRouteHandler = ((request: Request, context?: IngestContext) => Promise<Response>) & {
  access: typeof INGEST_ACCESS;
};

export function defineIngestRoute(
  handle: (request: Request, params: Record<string, string | string[]>) => Promise<Response>,
): IngestRouteHandler {
  const route = async (request: Request, context?: IngestContext): Promise<Response> => {
    try {
      return withCors(await handle(request, context ? await context.params : {}));
    } catch (error) {
      if (error instanceof HttpError) {
        const response = errorResponse(
          error.status,
          error.code,
          error.message,
          error.details,
          error.headers,
          error.envelope,
        );
        return withCors(response);
      }
      logger.error("unhandled error in ingest route", {
        method: request.method,
        path: new URL(request.url).pathname,
        error,
      });
      return withCors(errorResponse(500, "internal_error", "Something went wrong on the server; it has been logged."));
    }
  };
  return Object.assign(route, { access: INGEST_ACCESS });
}
