import "server-only";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Ready, Reply, SerializedError, ThreadData } from "./protocol";

/** Rebuilds an error the thread sent; the default keeps its name, message and stack. */
export type ErrorReviver = (serialized: SerializedError) => Error;

const plainError: ErrorReviver = (serialized) =>
  Object.assign(new Error(serialized.message), { name: serialized.name });

/**
 * A worker thread that runs one TypeScript module (which calls serve-requests.ts) and answers requests by id. A
 * worker with nothing in flight does not keep the process alive; one with requests in flight does. When the thread
 * dies, every request in flight and every later one fails with the reason.
 */
export class RequestThread<Request> {
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly revive: ErrorReviver,
    private readonly label: string,
  ) {
    worker.on("message", (reply: Reply) => this.settle(reply));
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`${label} exited (code ${code})`)));
    worker.unref();
  }

  /**
   * Starts a thread running the module `file` (a path: see besides) with `options`; resolves once it is ready, or
   * throws what its start threw. `label` names the thread in errors.
   */
  static async start<Request, Options>(
    file: string,
    options: Options,
    label: string,
    revive: ErrorReviver = plainError,
  ): Promise<RequestThread<Request>> {
    // Next.js's bundler bundles the file of any `new Worker(…)` it can read, with all it imports (tsx, esbuild's
    // binary), into the routes that reach this module. The worker runs the source through tsx instead, so it is
    // constructed where the bundler does not look, from this file's own place.
    const entry = besides(import.meta.url, "worker-entry.mjs");
    const workerData: ThreadData<Options> = { module: pathToFileURL(file).href, options };
    const worker: Worker = Reflect.construct(Worker, [entry, { workerData }]);
    let onExit!: (code: number) => void;
    let onError!: (error: Error) => void;
    const ready = await new Promise<Ready>((resolve, reject) => {
      onExit = (code) => reject(new Error(`${label} exited (code ${code}) before it was ready`));
      onError = reject;
      worker.once("message", resolve).once("error", onError).once("exit", onExit);
    }).finally(() => worker.off("error", onError).off("exit", onExit));
    if (!ready.ready) {
      await worker.terminate();
      throw rebuilt(ready.error, revive);
    }
    return new RequestThread<Request>(worker, revive, label);
  }

  private settle(reply: Reply) {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(rebuilt(reply.error, this.revive));
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  /** Sends a request; `transfer` moves those buffers to the thread instead of copying them (they are unusable here after). */
  call<T>(request: Request, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Ends the thread; requests after this fail. */
  async terminate(): Promise<void> {
    this.failure ??= new Error(`${this.label} is closed`);
    await this.worker.terminate();
  }

  get closed(): boolean {
    return this.failure !== null;
  }
}

/**
 * The path of a file beside the module whose `import.meta.url` is given (a worker's module). Not
 * `new URL("./worker.ts", import.meta.url)`: Next.js's bundler turns that into a copy of the file among its assets,
 * away from the modules it imports, and serves it.
 */
export function besides(moduleUrl: string, name: string): string {
  return path.join(path.dirname(fileURLToPath(moduleUrl)), name);
}

/** The error as its client's class, with the thread's stack, so that it points at the code that threw. */
function rebuilt(serialized: SerializedError, revive: ErrorReviver): Error {
  const error = revive(serialized);
  error.stack = serialized.stack ?? error.stack;
  return error;
}
