import { describe, expect, it } from "vitest";
import { parseEmbeddingText } from "./embedding-text-parser";
import { FrameHashTokenizer, slotOf } from "./frame-tokenizer";
import { wordPieces } from "./hashing";

const tokenizer = new FrameHashTokenizer({ vocabSize: 1 << 15, maxTokens: 1024 });
const frame = (file: string, fn: string, line = "") => `  File "${file}", function ${fn}${line ? `\n    ${line}` : ""}`;
const trace = (...frames: string[]) => ["ReadTimeoutError: Read timed out. (read timeout=<int>)", ...frames].join("\n");

describe("the frame-aware hashed tokenizer", () => {
  it("reads exceptions, frames and source lines back from the embedding text", () => {
    const parsed = parseEmbeddingText(
      trace(frame("utils.py", "get_autofix_state", "response = make_request("), frame("api.py", "make_request")),
    );
    expect(parsed).toEqual([
      {
        type: "ReadTimeoutError",
        value: "Read timed out. (read timeout=<int>)",
        frames: [
          { file: "utils.py", function: "get_autofix_state", context: "response = make_request(" },
          { file: "api.py", function: "make_request", context: "" },
        ],
      },
    ]);
  });

  it("splits identifiers into word pieces", () => {
    expect(wordPieces("getAutofixState make_signed_seer_api_request HTTPClient.send")).toEqual([
      "get",
      "autofix",
      "state",
      "make",
      "signed",
      "seer",
      "api",
      "request",
      "http",
      "client",
      "send",
    ]);
  });

  it("tells call order apart (A→B is not B→A)", () => {
    const ab = tokenizer.encode(trace(frame("a.py", "alpha"), frame("b.py", "beta")));
    const ba = tokenizer.encode(trace(frame("b.py", "beta"), frame("a.py", "alpha")));
    expect([...ab.ids].sort()).not.toEqual([...ba.ids].sort());
  });

  it("tags each frame with its distance from the crash frame", () => {
    const { ids, slots } = tokenizer.encode(
      trace(frame("a.py", "outer"), frame("b.py", "middle"), frame("c.py", "crash")),
    );
    const functionSlots = [...slots].filter((s) => [0, 1, 2].some((b) => s === slotOf("function", b)));
    expect(functionSlots).toEqual([slotOf("function", 0), slotOf("function", 1), slotOf("function", 2)]);
    expect(ids.length).toBe(slots.length);
  });

  it("keeps the frames nearest the crash when a trace is too long", () => {
    const small = new FrameHashTokenizer({ vocabSize: 1 << 15, maxTokens: 12 });
    const frames = Array.from({ length: 40 }, (_, i) => frame(`f${i}.py`, `fn_${i}`));
    const { slots } = small.encode(trace(...frames));
    expect(slots).toHaveLength(12);
    expect(slots).toContain(slotOf("function", 0));
    expect([...slots]).not.toContain(slotOf("function", 8));
  });
});

describe("the embedding text in Sentry's order", () => {
  it("reads a text without a header, starting at its first frame", () => {
    expect(parseEmbeddingText('File "index.php", function \n    $server->emit($server->run());')).toEqual([
      { type: "", value: "", frames: [{ file: "index.php", function: "", context: "$server->emit($server->run());" }] },
    ]);
  });

  it("takes the first exception as the most recent one", () => {
    // The id given to the function of the most recent exception's crash frame (position 0).
    const crashFunctionId = (text: string) => {
      const { ids, slots } = tokenizer.encode(text);
      return ids[[...slots].indexOf(slotOf("function", 0))];
    };
    const text = [
      "WrapperError: failed",
      '  File "outer.py", function handle',
      "CauseError: closed",
      '  File "inner.py", function read',
    ].join("\n");
    expect(crashFunctionId(text)).toBe(crashFunctionId('WrapperError: failed\n  File "outer.py", function handle'));
    expect(crashFunctionId(text)).not.toBe(crashFunctionId('CauseError: closed\n  File "inner.py", function read'));
  });
});
