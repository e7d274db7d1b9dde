import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CorpusReader } from "./testing/corpus";
import { compareFingerprinting, compareGrouping } from "./testing/corpus";

// Run alone to list the inputs that differ: npx vitest run engine/fingerprinting/corpus.test.ts
const io: CorpusReader = {
  list: (dir) => readdirSync(dir),
  read: (path) => (existsSync(path) ? readFileSync(path, "utf8") : null),
};

// Sentry's own grouping test corpus (development split): our hashes must equal Sentry's.
const root = fileURLToPath(new URL("../../../shared/corpora/sentry-grouping", import.meta.url));
const present = existsSync(root);
if (!present) console.warn(`sentry-grouping corpus not found at ${root}; corpus tests skipped`);

describe.skipIf(!present)("Sentry grouping corpus", () => {
  it("reproduces every variant hash for at least 97% of the grouping inputs", () => {
    const { total, mismatches } = compareGrouping(io, root);
    console.log(`grouping corpus: ${total - mismatches.length}/${total} inputs with every variant hash equal`);
    for (const m of mismatches) console.log(`grouping differs: ${m.file}: ${m.detail}`);
    expect(total).toBeGreaterThan(0);
    expect((total - mismatches.length) / total).toBeGreaterThanOrEqual(0.97);
  });

  it("resolves the fingerprint values of at least 90% of the fingerprinting inputs", () => {
    const { total, mismatches } = compareFingerprinting(io, root);
    console.log(`fingerprinting corpus: ${total - mismatches.length}/${total} inputs with equal fingerprint values`);
    for (const m of mismatches) console.log(`fingerprinting differs: ${m.file}: ${m.detail}`);
    expect(total).toBeGreaterThan(0);
    expect((total - mismatches.length) / total).toBeGreaterThanOrEqual(0.9);
  });
});
