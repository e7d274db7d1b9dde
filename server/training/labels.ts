import "server-only";
import { z } from "zod";
import type { LabeledPair, SyntheticPlatform } from "@/server/training/synthetic";
import { eventText, toPairSet, type PairSet } from "./dataset";
import { readJsonLines } from "./events-file";

/**
 * Labeled pairs from a JSON-lines file: `{"query", "candidate", "label": "GROUP"|"SEPARATE", "platform"?,
 * "project"?}` where query/candidate are event ids (resolved in `events`), inline Sentry events, or
 * `query_text`/`candidate_text` hold embedding texts directly.
 */
const side = z.union([z.string(), z.record(z.string(), z.unknown())]);
const labelSchema = z.object({
  query: side.optional(),
  candidate: side.optional(),
  query_text: z.string().optional(),
  candidate_text: z.string().optional(),
  label: z.enum(["GROUP", "SEPARATE"]),
  platform: z.string().optional(),
  project: z.union([z.string(), z.number()]).optional(),
  /** How the pair was sampled (corpus: easy_pos, hard_pos, hard_neg, easy_neg). */
  kind: z.string().optional(),
});

export async function readLabeledPairs(
  file: string,
  events: ReadonlyMap<string, unknown> = new Map(),
  weight = 1,
): Promise<{ set: PairSet; skipped: number }> {
  const textById = new Map<string, string>();
  const labeled: LabeledPair[] = [];
  let skipped = 0;
  const resolve = (key: string, value: unknown, text: string | undefined): string | undefined => {
    if (text) return (textById.set(key, text), key);
    if (typeof value === "string") {
      const event = events.get(value);
      if (event === undefined) return undefined;
      if (!textById.has(value)) textById.set(value, eventText(event));
      return value;
    }
    if (value && typeof value === "object") return (textById.set(key, eventText(value)), key);
    return undefined;
  };
  const platformOf = (value: unknown): string | undefined => {
    const event = typeof value === "string" ? events.get(value) : value;
    const platform = (event as { platform?: unknown } | undefined)?.platform;
    return typeof platform === "string" ? platform : undefined;
  };
  for await (const { line, value } of readJsonLines(file)) {
    const parsed = labelSchema.safeParse(value);
    if (!parsed.success)
      throw new Error(
        `${file}:${line}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      );
    const row = parsed.data;
    const query = resolve(`${line}:q`, row.query, row.query_text);
    const candidate = resolve(`${line}:c`, row.candidate, row.candidate_text);
    if (!query || !candidate) {
      skipped++;
      continue;
    }
    labeled.push({
      query,
      candidate,
      label: row.label,
      kind: (row.kind ?? (row.label === "GROUP" ? "positive" : "negative")) as LabeledPair["kind"],
      platform: (row.platform ?? platformOf(row.query) ?? "unknown") as SyntheticPlatform,
      project: String(row.project ?? "unknown"),
    });
  }
  const set = toPairSet(textById, labeled, weight);
  return { set, skipped: skipped + labeled.length - set.pairs.length };
}
