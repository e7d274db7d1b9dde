import "server-only";
import type ort from "onnxruntime-node";
import type { SerializedError } from "../../threads/protocol";
import { besides, RequestThread } from "../../threads/request-thread";
import { InferenceDeviceError, type InferenceDevice, type Provider } from "../execution-provider";
import { movableBuffers, tensorData, type Opened, type Outputs, type Request, type TensorData } from "./protocol";

/** Rebuilds the thread's errors, as InferenceDeviceError where that is what it threw (a missing CUDA provider). */
function reviveError(serialized: SerializedError): Error {
  return serialized.name === "InferenceDeviceError"
    ? new InferenceDeviceError(serialized.message)
    : Object.assign(new Error(serialized.message), { name: serialized.name });
}

const holder = globalThis as typeof globalThis & { __regroupInferenceThread?: Promise<RequestThread<Request>> };

/** The process's inference thread, started on first use (one for all sessions; idle, it does not keep the process alive). */
function inferenceThread(): Promise<RequestThread<Request>> {
  holder.__regroupInferenceThread ??= RequestThread.start<Request, undefined>(
    besides(import.meta.url, "worker.ts"),
    undefined,
    "the inference thread",
    reviveError,
  ).catch((error: unknown) => {
    holder.__regroupInferenceThread = undefined;
    throw error;
  });
  return holder.__regroupInferenceThread;
}

// A session that its owner dropped (a model registration's evaluation service, a test's) is released on the thread.
const released = new FinalizationRegistry<{ thread: RequestThread<Request>; id: number }>(({ thread, id }) => {
  if (!thread.closed) thread.call({ op: "release", session: id }).catch(() => undefined);
});

/**
 * An ONNX Runtime session on the inference thread: `run` sends the feeds there and returns the outputs' data. The
 * thread's session is released when this object is garbage-collected.
 */
export class ThreadedSession {
  private constructor(
    private readonly thread: RequestThread<Request>,
    private readonly id: number,
    readonly inputNames: readonly string[],
  ) {
    released.register(this, { thread, id });
  }

  /**
   * Opens the model (a file or its bytes) on the inference thread, on the execution provider `device` asks for
   * (execution-provider.ts's createSession, run there).
   */
  static async open(
    model: string | Uint8Array,
    device: InferenceDevice,
    label: string,
    threads: number,
  ): Promise<{ session: ThreadedSession; provider: Provider }> {
    const thread = await inferenceThread();
    const opened = await thread.call<Opened>({ op: "open", model, device, label, threads });
    return { session: new ThreadedSession(thread, opened.session, opened.inputNames), provider: opened.provider };
  }

  /** Runs the model; the feeds' buffers are moved to the thread (unusable here afterwards). */
  async run(feeds: Record<string, ort.Tensor>): Promise<Outputs> {
    const sent: Record<string, TensorData> = Object.fromEntries(
      Object.entries(feeds).map(([name, tensor]) => [name, tensorData(tensor)]),
    );
    return this.thread.call<Outputs>({ op: "run", session: this.id, feeds: sent }, movableBuffers(Object.values(sent)));
  }
}
