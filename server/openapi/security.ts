import "server-only";
import type { oas31, ZodOpenApiSecuritySchemeObject } from "zod-openapi";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { isRoleAccess, type Access } from "@/lib/contracts/endpoint";
import { SIGNATURE_SCHEME } from "../http/rpc-signature";

/** How callers authenticate, as OpenAPI security schemes (names only: no secret is ever part of the document). */
export const securitySchemes: Record<string, ZodOpenApiSecuritySchemeObject> = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The console's session: POST /api/auth/signin with an email and password sets this cookie.",
  },
  rpcSignature: {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description:
      `Seer's signature of the raw body: "${SIGNATURE_SCHEME}<hex HMAC-SHA256 of the body>", keyed with one of the ` +
      "shared secrets of GROUPING_API_SECRET (Sentry's SEER_API_SHARED_SECRET).",
  },
  sentryAuthHeader: {
    type: "apiKey",
    in: "header",
    name: "X-Sentry-Auth",
    description: 'The DSN\'s public key as Sentry SDKs send it: "Sentry sentry_key=<key>, sentry_version=7, …".',
  },
  sentryKeyQuery: {
    type: "apiKey",
    in: "query",
    name: "sentry_key",
    description: "The DSN's public key in the query (the key may also be the dsn of an envelope's header).",
  },
};

/** The security requirement and a sentence on who may call, for an endpoint's access. */
export function securityOf(access: Access): { security: oas31.SecurityRequirementObject[]; who: string } {
  if (isRoleAccess(access)) {
    return { security: [{ session: [] }], who: `Needs a session with the ${access} role or above.` };
  }
  switch (access) {
    case "public":
      return { security: [], who: "Anyone may call it." };
    case "signed":
      return { security: [{ rpcSignature: [] }], who: "Signed with the shared secret." };
    case "signed-or-trusted-network":
      return {
        security: [{ rpcSignature: [] }, {}],
        who: "Signed with the shared secret, or unsigned from a network of GROUPING_API_UNSIGNED_NETWORKS.",
      };
    case "ingest":
      return {
        security: [{ sentryAuthHeader: [] }, { sentryKeyQuery: [] }],
        who: "A Sentry SDK with the project's DSN key, from any origin (CORS).",
      };
  }
}
