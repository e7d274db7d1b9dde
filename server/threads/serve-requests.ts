import "server-only";
import { parentPort, workerData } from "node:worker_threads";
import { serializeError, type Ready, type Reply, type ThreadData } from "./protocol";

/** What a handler returns: the value to send back, and the buffers to move to the client instead of copying. */
export interface Handled {
  value: unknown;
  transfer?: ArrayBuffer[];
}

export interface ServeOptions<Options, Request> {
  /** Opens what the thread serves; a failure is sent to the client, which throws it from `start`. */
  open(options: Options): Promise<void>;
  /** Handles one request; each is handled as it arrives, without waiting for the one before. */
  handle(request: Request): Promise<Handled>;
  /** The fields an error needs to be rebuilt as its own class in the client (protocol.ts). */
  errorFields?: (error: Error) => Record<string, unknown> | undefined;
}

/** The worker's side of request-thread.ts: opens, says it is ready, then answers requests by id. */
export async function serveRequests<Options, Request>(serve: ServeOptions<Options, Request>): Promise<void> {
  const port = parentPort!;
  const { options } = workerData as ThreadData<Options>;
  try {
    await serve.open(options);
    port.postMessage({ ready: true } satisfies Ready);
  } catch (error) {
    port.postMessage({ ready: false, error: serializeError(error, serve.errorFields) } satisfies Ready);
    process.exit(0);
  }
  port.on("message", (message: Request & { id: number }) => {
    serve.handle(message).then(
      ({ value, transfer }) => port.postMessage({ id: message.id, ok: true, value } satisfies Reply, transfer ?? []),
      (error: unknown) =>
        port.postMessage({
          id: message.id,
          ok: false,
          error: serializeError(error, serve.errorFields),
        } satisfies Reply),
    );
  });
}
