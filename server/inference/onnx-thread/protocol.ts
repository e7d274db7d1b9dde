/**
 * Messages between the inference thread (worker.ts, which owns the ONNX Runtime sessions) and the client in the
 * calling thread (client.ts). Tensors cross as their type, dimensions and data; the data's buffer is moved, not copied.
 */
import type ort from "onnxruntime-node";
import type { InferenceDevice, Provider } from "../execution-provider";

export interface TensorData {
  type: string;
  dims: number[];
  data: Float32Array | BigInt64Array | Int32Array | Uint8Array;
}

export type Request =
  | { op: "open"; model: string | Uint8Array; device: InferenceDevice; label: string; threads: number }
  | { op: "run"; session: number; feeds: Record<string, TensorData> }
  | { op: "release"; session: number };

export interface Opened {
  session: number;
  provider: Provider;
  inputNames: string[];
}

/** A tensor as it crosses: its type, dimensions and data (the same buffer, to be moved). */
export function tensorData(tensor: ort.Tensor): TensorData {
  return { type: tensor.type, dims: [...tensor.dims], data: tensor.data as TensorData["data"] };
}

/** The outputs of one run, by name. */
export type Outputs = Record<string, TensorData>;

/** The buffers of these tensors that can be moved to the other thread (a view of part of a buffer is copied instead). */
export function movableBuffers(tensors: TensorData[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { data } of tensors) {
    if (data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength)
      buffers.add(data.buffer);
  }
  return [...buffers];
}
