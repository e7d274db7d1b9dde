/** The events the ingest benchmark sends (made in its load thread, load-thread.ts). */
import { randomUUID } from "node:crypto";
import { pythonErrorPayload } from "../../../server/testing/events";
import type { HttpRequestSpec } from "./http-load";

export type IngestEventKind = "known" | "new";

export interface StoreRequestArgs {
  kind: IngestEventKind;
  projectId: number;
  publicKey: string;
}

/** Event number i: the same fingerprint for every "known" one, a trace of its own for every "new" one. */
export function ingestEvent(kind: IngestEventKind, i: number) {
  return pythonErrorPayload({
    id: randomUUID().replaceAll("-", ""),
    type: kind === "known" ? "ValueError" : `Error${i}`,
    value: kind === "known" ? "bad input" : `failure number ${i}`,
    functions: ["main", "handle", kind === "known" ? "sync" : `step${i}`],
  });
}

/** `POST /api/<id>/store/` of event number i, authenticated as a Sentry SDK is. */
export function storeRequest(i: number, args: StoreRequestArgs): HttpRequestSpec {
  return {
    method: "POST",
    path: `/api/${args.projectId}/store/`,
    headers: {
      "content-type": "application/json",
      "x-sentry-auth": `Sentry sentry_key=${args.publicKey}, sentry_version=7, sentry_client=bench/1.0`,
    },
    body: JSON.stringify(ingestEvent(args.kind, i)),
  };
}
