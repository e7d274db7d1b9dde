import http from "node:http";
import * as Sentry from "@sentry/node";
import { processPayload } from "./pipeline.mjs";

const BINARY_KINDS = new Set(["ping", "trip-log", "fuel", "can"]);

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

async function handleIngest(request, response) {
  const kind = new URL(request.url, "http://gateway").pathname.split("/").pop();
  const body = await readBody(request);
  const payload = BINARY_KINDS.has(kind) ? body : JSON.parse(body);
  const result = await processPayload(kind, payload);
  response.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
}

/** The gateway-facing HTTP endpoint: POST /v1/ingest/:kind. */
export function createGatewayServer() {
  return http.createServer((request, response) => {
    const trace = request.headers["x-corpus-case"];
    Sentry.withScope(async (scope) => {
      if (trace) scope.setTag("corpus_case", trace);
      try {
        await handleIngest(request, response);
      } catch (error) {
        Sentry.captureException(error);
        response.writeHead(500).end();
      }
    });
  });
}
