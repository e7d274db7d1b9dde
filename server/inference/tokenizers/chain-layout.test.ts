import { describe, expect, it } from "vitest";
import { parseEmbeddingText } from "./embedding-text-parser";
import { chainRoles, FrameHashTokenizer, slotOf } from "./frame-tokenizer";

const wrapped = [
  "JobFailed: job sync failed",
  '  File "worker.py", function handle',
  '  File "worker.py", function with_retries',
  "KeyError: 'register'",
  '  File "worker.py", function with_retries',
  '  File "readings.py", function normalize',
].join("\n");
const plain = [
  "KeyError: 'register'",
  '  File "cli.py", function main',
  '  File "readings.py", function normalize',
].join("\n");

describe("the chain slot layout", () => {
  it("marks a wrapper (its crash frame recurs in its cause) and the primary exception under it", () => {
    expect(chainRoles(parseEmbeddingText(wrapped))).toEqual(["wrapper", "primary"]);
    expect(chainRoles(parseEmbeddingText(plain))).toEqual(["primary"]);
  });
  it("reads the roles the same way when the text lists the cause first (a chain Sentry ordered by mechanism ids)", () => {
    const [wrapper, cause] = wrapped.split("\nKeyError");
    const causeFirst = `KeyError${cause}\n${wrapper}`;
    expect(chainRoles(parseEmbeddingText(causeFirst))).toEqual(["primary", "wrapper"]);
  });
  it("marks a wrapper whose frames are not in the text by its message restating its cause's", () => {
    const completion = [
      "IllegalStateException: Duplicate key C<int>",
      '  File "order.java", function seatsByLabel',
      "CompletionException: java.lang.IllegalStateException: Duplicate key C<int>",
    ].join("\n");
    expect(chainRoles(parseEmbeddingText(completion))).toEqual(["primary", "wrapper"]);
  });
  it("keeps the fault's crash frame in the same slot with and without a wrapper", () => {
    const tokenizer = new FrameHashTokenizer({ vocabSize: 1 << 15, maxTokens: 1024, layout: "chain" });
    const crashFunction = (text: string) => {
      const t = tokenizer.encode(text);
      return t.ids[[...t.slots].indexOf(slotOf("function", 0, "primary"))];
    };
    expect(crashFunction(wrapped)).toBeDefined();
    expect(crashFunction(wrapped)).toBe(crashFunction(plain));
  });
});
