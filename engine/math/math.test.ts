import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cosineDistance, unitCosineDistance, unitVector } from "./cosine";
import { fnv1a } from "./fnv1a";
import { Rng } from "./random";
import { sha256Fraction } from "./sha256-fraction";

describe("fnv1a", () => {
  it("matches the published 32-bit FNV-1a test vectors", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });
});

describe("Rng", () => {
  it("draws the same numbers from the same seed, and other numbers from another", () => {
    const draw = (seed: string) => {
      const rng = new Rng(seed);
      return [rng.next(), rng.next(), rng.next()];
    };
    expect(draw("corpus:42")).toEqual(draw("corpus:42"));
    expect(draw("corpus:42")).not.toEqual(draw("corpus:43"));
  });
});

describe("cosineDistance", () => {
  it("is 0 for the same direction, 1 for orthogonal or zero vectors, 2 for opposite ones", () => {
    expect(cosineDistance([3, 4], [6, 8])).toBeCloseTo(0, 12);
    expect(cosineDistance([1, 0], [0, 1])).toBe(1);
    expect(cosineDistance([0, 0], [1, 0])).toBe(1);
    expect(cosineDistance([1, 0], [-1, 0])).toBe(2);
  });

  it("is what unitCosineDistance gives for the vectors scaled to unit length", () => {
    const rng = new Rng("cosine");
    const draw = () => Array.from({ length: 768 }, () => rng.next() - 0.5);
    for (let i = 0; i < 20; i += 1) {
      const [a, b] = [draw(), draw()];
      expect(unitCosineDistance(unitVector(a), unitVector(b))).toBeCloseTo(cosineDistance(a, b), 12);
    }
    expect(unitCosineDistance(unitVector([3, 4]), unitVector([6, 8]))).toBeCloseTo(0, 12);
    expect(unitVector([0, 0])).toBeNull();
    expect(unitCosineDistance(unitVector([0, 0]), unitVector([1, 0]))).toBe(1);
  });
});

describe("sha256Fraction", () => {
  it("reads the first bytes of the digest as a fraction of [0, 1)", () => {
    const digest = createHash("sha256").update("seed\u0000key").digest();
    expect(sha256Fraction("seed\u0000key")).toBe(digest.readUIntBE(0, 6) / 2 ** 48);
    expect(sha256Fraction("seed\u0000key", 4)).toBe(digest.readUInt32BE(0) / 2 ** 32);
    const draws = Array.from({ length: 1000 }, (_, i) => sha256Fraction(`unit:${i}`));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((sum, x) => sum + x, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
