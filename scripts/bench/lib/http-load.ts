/**
 * A closed-loop HTTP load from a thread of its own (load-thread.ts), so that making and timing the requests does not
 * take the server's thread: on a benchmark where the server shares its process with the load, the load's share of
 * the thread would otherwise be counted as the server's.
 */
import { Worker } from "node:worker_threads";
import type { LoadResult } from "./latencies";

/** One request as the load thread sends it; the body is sent with its Content-Length. */
export interface HttpRequestSpec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadThreadInput {
  url: string;
  clients: number;
  durationMs: number;
  /** The first request number (requests are numbered across clients from it). */
  offset: number;
  /** A module whose export `export` makes request number i from `args` (structured-cloneable). */
  factory: { module: string; export: string; args: unknown };
}

/** Runs the load in a new thread and resolves with what it measured. */
export function closedLoopOffThread(input: LoadThreadInput): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-thread.mjs", import.meta.url), { workerData: input });
    let result: LoadResult | undefined;
    worker.once("message", (message: LoadResult) => (result = message));
    worker.once("error", reject);
    worker.once("exit", (code) =>
      result ? resolve(result) : reject(new Error(`the load thread exited (${code}) without a result`)),
    );
  });
}
