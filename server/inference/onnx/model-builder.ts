import "server-only";
import { ProtoWriter } from "./protobuf";

// ONNX's protobuf schema (onnx.proto3), the fields used here: ModelProto, GraphProto, NodeProto,
// AttributeProto, TensorProto, ValueInfoProto. Field numbers are the schema's.

export const TensorType = { float: 1, int8: 3, int32: 6, int64: 7 } as const;
export type TensorTypeName = keyof typeof TensorType;

export type Attribute =
  | { name: string; int: number }
  | { name: string; ints: number[] }
  | { name: string; float: number }
  | { name: string; string: string };

export interface Initializer {
  name: string;
  type: TensorTypeName;
  dims: number[];
  data: Float32Array | Int8Array | BigInt64Array | Int32Array;
}

export interface ValueInfo {
  name: string;
  type: TensorTypeName;
  /** Numbers are fixed sizes; strings are symbolic ("batch", "sequence"). */
  shape: (number | string)[];
}

export interface NodeSpec {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Attribute[];
}

export interface GraphSpec {
  name: string;
  nodes: NodeSpec[];
  initializers: Initializer[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  metadata?: Record<string, string>;
  docString?: string;
}

const IR_VERSION = 8;
export const OPSET = 13;

function attribute(w: ProtoWriter, attr: Attribute): void {
  w.string(1, attr.name);
  if ("int" in attr) w.varint(3, attr.int).varint(20, 2);
  else if ("ints" in attr) w.packedVarints(8, attr.ints).varint(20, 7);
  else if ("float" in attr) w.float(2, attr.float).varint(20, 1);
  else w.bytes(4, new TextEncoder().encode(attr.string)).varint(20, 3);
}

function tensor(w: ProtoWriter, init: Initializer): void {
  w.packedVarints(1, init.dims);
  w.varint(2, TensorType[init.type]);
  w.string(8, init.name);
  // raw_data is little-endian, which is what typed arrays are on every platform Node runs on.
  w.bytes(9, new Uint8Array(init.data.buffer, init.data.byteOffset, init.data.byteLength));
}

function valueInfo(w: ProtoWriter, info: ValueInfo): void {
  w.string(1, info.name);
  w.message(2, (type) =>
    type.message(1, (t) => {
      t.varint(1, TensorType[info.type]);
      t.message(2, (shape) => {
        for (const dim of info.shape)
          shape.message(1, (d) => (typeof dim === "number" ? d.varint(1, dim) : d.string(2, dim)));
      });
    }),
  );
}

/** Serialises a graph to an ONNX model (ir_version 8, opset 13) that onnxruntime loads. */
export function buildOnnxModel(graph: GraphSpec): Uint8Array {
  const w = new ProtoWriter();
  w.varint(1, IR_VERSION);
  w.string(2, "regroup");
  w.string(3, "1");
  w.message(7, (g) => {
    graph.nodes.forEach((node, index) =>
      g.message(1, (n) => {
        for (const input of node.inputs) n.string(1, input);
        for (const output of node.outputs) n.string(2, output);
        n.string(3, `${node.op.toLowerCase()}_${index}`);
        n.string(4, node.op);
        for (const attr of node.attributes ?? []) n.message(5, (a) => attribute(a, attr));
      }),
    );
    g.string(2, graph.name);
    for (const init of graph.initializers) g.message(5, (t) => tensor(t, init));
    if (graph.docString) g.string(10, graph.docString);
    for (const input of graph.inputs) g.message(11, (v) => valueInfo(v, input));
    for (const output of graph.outputs) g.message(12, (v) => valueInfo(v, output));
  });
  w.message(8, (o) => o.string(1, "").varint(2, OPSET));
  for (const [key, value] of Object.entries(graph.metadata ?? {}))
    w.message(14, (m) => m.string(1, key).string(2, value));
  return w.finish();
}

/** Nodes for x / (‖x‖₂ + eps) along the last axis; needs an `eps` float initializer in the graph. */
export function l2NormalizeNodes(input: string, output: string): NodeSpec[] {
  return [
    {
      op: "ReduceL2",
      inputs: [input],
      outputs: [`${input}_norm`],
      attributes: [
        { name: "axes", ints: [-1] },
        { name: "keepdims", int: 1 },
      ],
    },
    { op: "Add", inputs: [`${input}_norm`, "eps"], outputs: [`${input}_norm_eps`] },
    { op: "Div", inputs: [input, `${input}_norm_eps`], outputs: [output] },
  ];
}

export const epsInitializer = (value: number): Initializer => ({
  name: "eps",
  type: "float",
  dims: [],
  data: Float32Array.of(value),
});
