/**
 * The load generator's thread (http-load.ts starts it): `clients` closed loops over keep-alive connections, each
 * sending its next request when the previous one is answered, for `durationMs`; the requests are made by the
 * factory module it is given, so that building them costs the server's thread nothing. Posts a LoadResult back.
 */
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import type { HttpRequestSpec, LoadThreadInput } from "./http-load";
import { summarizeLatencies } from "./latencies";

const input = workerData as LoadThreadInput;
const factory = (await import(input.factory.module)) as Record<string, (i: number, args: unknown) => HttpRequestSpec>;
const makeRequest = factory[input.factory.export];
if (!makeRequest) throw new Error(`${input.factory.module} has no export ${input.factory.export}`);
const target = new URL(input.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: input.clients });

function send(spec: HttpRequestSpec): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: spec.method,
        path: spec.path,
        headers:
          spec.body === undefined ? spec.headers : { ...spec.headers, "content-length": Buffer.byteLength(spec.body) },
      },
      (response) => {
        response.on("data", () => undefined);
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(spec.body);
  });
}

const latencies: number[] = [];
let errors = 0;
let next = input.offset;
const started = performance.now();
const deadline = started + input.durationMs;
await Promise.all(
  Array.from({ length: input.clients }, async () => {
    while (performance.now() < deadline) {
      const spec = makeRequest(next++, input.factory.args);
      const t0 = performance.now();
      const status = await send(spec).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status !== 200) errors += 1;
    }
  }),
);
agent.destroy();
parentPort!.postMessage(summarizeLatencies(input.clients, latencies, errors, performance.now() - started));
