import "server-only";
import type { JsonEndpoint } from "@/lib/contracts/endpoint";
import { HttpError } from "./errors";

/** Whether answers are checked against their schemas: in development and tests, never in production. */
export function checksResponses(): boolean {
  return process.env.NODE_ENV !== "production";
}

/** A handler answered with something its endpoint's response schema does not allow: a bug, to be fixed. */
export class ResponseContractError extends HttpError {
  constructor(endpoint: JsonEndpoint, problems: string) {
    super(
      500,
      "response_contract_violation",
      `The answer of ${endpoint.method} ${endpoint.path} does not match its response schema: ${problems}`,
    );
  }
}

/**
 * Checks the JSON text an endpoint is about to send (what its client will parse) against its response schema, and
 * throws a ResponseContractError naming each offending path when it does not match.
 */
export function assertMatchesContract(endpoint: JsonEndpoint, json: string): void {
  const result = endpoint.response.safeParse(JSON.parse(json));
  if (result.success) return;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(the answer)"}: ${issue.message}`);
  throw new ResponseContractError(endpoint, problems.join("; "));
}
