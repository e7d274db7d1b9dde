import { describe, expect, it } from "vitest";
import { parseLenientJson, quoteBareNonFiniteNumbers } from "./lenient-json";

describe("parseLenientJson", () => {
  it("reads Python's bare NaN, Infinity and -Infinity as strings", () => {
    expect(parseLenientJson('{"a": NaN, "b": [Infinity, -Infinity], "c": 1}')).toEqual({
      a: "NaN",
      b: ["Infinity", "-Infinity"],
      c: 1,
    });
  });

  it("leaves the same words inside strings alone, escaped quotes included", () => {
    const text = '{"m": "NaN \\" Infinity", "n": NaN}';
    expect(quoteBareNonFiniteNumbers(text)).toBe('{"m": "NaN \\" Infinity", "n": "NaN"}');
    expect(quoteBareNonFiniteNumbers('{"m": "NaN"}')).toBeNull();
  });

  it("throws JSON.parse's own error for anything else that is not JSON", () => {
    expect(() => parseLenientJson('{"a": NaN,')).toThrow(SyntaxError);
    expect(() => parseLenientJson('{"a": nan}')).toThrow(SyntaxError);
  });
});
