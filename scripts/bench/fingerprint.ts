import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseEvent } from "@/engine/event/schema";
import type { SentryEvent } from "@/engine/event/schema";
import { fingerprintEvent } from "@/engine/fingerprinting";
import type { FingerprintOptions, FingerprintRule } from "@/engine/fingerprinting";

// `npm run bench -- fingerprint [corpus-dir]`: events per second of fingerprintEvent (parse
// included) over the corpus inputs, on one core: a warm-up pass, then timed passes, median.

interface Item {
  raw: unknown;
  options: FingerprintOptions;
}

function loadItems(root: string): Item[] {
  const items: Item[] = [];
  for (const sub of ["grouping/inputs", "fingerprinting/inputs"]) {
    const dir = join(root, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
      const raw = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        _grouping?: { enhancements?: string };
        _fingerprinting_rules?: FingerprintRule[];
      };
      items.push({
        raw,
        options: {
          ...(raw._grouping?.enhancements ? { enhancements: raw._grouping.enhancements } : {}),
          ...(raw._fingerprinting_rules ? { fingerprintingRules: raw._fingerprinting_rules } : {}),
        },
      });
    }
  }
  return items;
}

function pass(items: Item[]): number {
  const start = performance.now();
  for (const item of items) {
    const parsed = parseEvent(item.raw);
    if (parsed.ok) fingerprintEvent(parsed.event as SentryEvent, item.options);
  }
  return performance.now() - start;
}

export async function run(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const root = positionals[0] ?? "../shared/corpora/sentry-grouping";
  const items = loadItems(root);
  if (items.length === 0) {
    console.log(`fingerprint bench: no corpus inputs under ${root}`);
    return;
  }
  // Repeat the corpus so each timed pass runs long enough to measure.
  const batch = Array.from({ length: Math.ceil(2000 / items.length) }, () => items).flat();
  for (let i = 0; i < 3; i++) pass(batch);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) times.push(pass(batch));
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const perSecond = Math.round((batch.length / median) * 1000);
  console.log(
    `fingerprint: ${perSecond} events/s (median of ${times.length} passes over ${batch.length} events, ` +
      `${items.length} distinct corpus inputs, single thread)`,
  );
}

// Allow running directly: `npx tsx scripts/bench/fingerprint.ts`.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, "/"))) {
  void run(process.argv.slice(2));
}
