import { parseEvent } from "@/engine/event/schema";
import { fingerprintEvent } from "../index";
import type { FingerprintRule } from "../rules/types";
import { parseFingerprintingSnapshot, parseGroupingSnapshot } from "./pysnap";

// Comparison of our fingerprinting with the expected results of Sentry's grouping test corpus.
// lib/ does no I/O: the caller passes a reader for the corpus directory (see corpus.test.ts).

/** Lists `*.json` names of a corpus folder and reads files; null when a file is absent. */
export interface CorpusReader {
  list(dir: string): string[];
  read(path: string): string | null;
}

const join = (...parts: string[]) => parts.join("/");

export interface CorpusInput {
  name: string;
  raw: Record<string, unknown>;
}

export function readCorpusInputs(io: CorpusReader, dir: string): CorpusInput[] {
  return io
    .list(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f, raw: JSON.parse(io.read(join(dir, f)) ?? "{}") as Record<string, unknown> }));
}

/** Runs fingerprinting on a corpus input, honouring its `_grouping` and `_fingerprinting_rules`. */
export function fingerprintCorpusInput(raw: Record<string, unknown>) {
  const parsed = parseEvent(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  const grouping = raw._grouping as { enhancements?: string } | undefined;
  const rules = raw._fingerprinting_rules as FingerprintRule[] | undefined;
  return fingerprintEvent(parsed.event, {
    ...(grouping?.enhancements ? { enhancements: grouping.enhancements } : {}),
    ...(rules ? { fingerprintingRules: rules } : {}),
  });
}

export interface Mismatch {
  file: string;
  detail: string;
}

export function compareGrouping(io: CorpusReader, root: string): { total: number; mismatches: Mismatch[] } {
  const inputs = readCorpusInputs(io, join(root, "grouping/inputs"));
  const mismatches: Mismatch[] = [];
  for (const input of inputs) {
    const snapshot = io.read(join(root, "grouping/expected", input.name.replace(/\.json$/, ".pysnap")));
    if (snapshot === null) continue;
    const expected = parseGroupingSnapshot(snapshot);
    try {
      const got = fingerprintCorpusInput(input.raw);
      const diffs: string[] = [];
      for (const name of new Set([...Object.keys(expected), ...Object.keys(got.variants)])) {
        const want = expected[name];
        const have = got.variants[name]?.hash;
        if (want !== have) diffs.push(`${name}: expected ${want} got ${have}`);
      }
      if (diffs.length) mismatches.push({ file: input.name, detail: diffs.join("; ") });
    } catch (e) {
      mismatches.push({ file: input.name, detail: `error: ${(e as Error).message}` });
    }
  }
  return { total: inputs.length, mismatches };
}

export function compareFingerprinting(io: CorpusReader, root: string): { total: number; mismatches: Mismatch[] } {
  const inputs = readCorpusInputs(io, join(root, "fingerprinting/inputs"));
  const mismatches: Mismatch[] = [];
  for (const input of inputs) {
    const snapshot = io.read(join(root, "fingerprinting/expected", input.name.replace(/\.json$/, ".pysnap")));
    if (snapshot === null) continue;
    const expected = parseFingerprintingSnapshot(snapshot);
    try {
      const got = fingerprintCorpusInput(input.raw);
      const diffs: string[] = [];
      for (const [name, want] of Object.entries(expected)) {
        if (!want.values) continue;
        const have = got.variants[name]?.values;
        if (JSON.stringify(have) !== JSON.stringify(want.values)) {
          diffs.push(`${name}: expected ${JSON.stringify(want.values)} got ${JSON.stringify(have)}`);
        }
      }
      if (diffs.length) mismatches.push({ file: input.name, detail: diffs.join("; ") });
    } catch (e) {
      mismatches.push({ file: input.name, detail: `error: ${(e as Error).message}` });
    }
  }
  return { total: inputs.length, mismatches };
}
