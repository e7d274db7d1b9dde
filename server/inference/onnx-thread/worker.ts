import "server-only";
import ort from "onnxruntime-node";
import { serveRequests } from "../../threads/serve-requests";
import { createSession } from "../execution-provider";
import { movableBuffers, tensorData, type Opened, type Outputs, type Request } from "./protocol";

/**
 * The inference thread: it owns the ONNX Runtime sessions and runs them. onnxruntime-node runs a session
 * synchronously in the thread that calls `run`; here that is this worker, not the server's event loop, which goes on
 * answering HTTP and the database while a batch is embedded.
 */

const sessions = new Map<number, ort.InferenceSession>();
let nextSession = 1;

async function handle(request: Request): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> {
  switch (request.op) {
    case "open": {
      const { session, provider } = await createSession(request.model, request.device, request.label, request.threads);
      const id = nextSession++;
      sessions.set(id, session);
      return { value: { session: id, provider, inputNames: [...session.inputNames] } satisfies Opened };
    }
    case "run": {
      const session = sessions.get(request.session);
      if (!session) throw new Error(`inference session ${request.session} is not open`);
      const feeds = Object.fromEntries(
        Object.entries(request.feeds).map(([name, { type, data, dims }]) => [
          name,
          new ort.Tensor(type as ort.Tensor.Type, data, dims),
        ]),
      );
      const result = await session.run(feeds);
      const outputs: Outputs = Object.fromEntries(
        Object.entries(result).map(([name, tensor]) => [name, tensorData(tensor)]),
      );
      return { value: outputs, transfer: movableBuffers(Object.values(outputs)) };
    }
    case "release": {
      await sessions.get(request.session)?.release();
      sessions.delete(request.session);
      return { value: undefined };
    }
  }
}

await serveRequests<undefined, Request>({ open: async () => undefined, handle });
