/**
 * `npm run bench -- demo-load [--batch 256] [--apps N]`: the demo dataset loaded into a fresh in-memory embedded
 * database twice in one run — event by event through the per-event pipeline (what `npm run demo` did before the
 * inbox), then in batches as the inbox worker groups them (ingest/batch.ts) — printing each time, the ratio, and
 * what each made (events, issues, AI merges), which must be the same grouping.
 */
import { openDatabase } from "../../server/db/client";
import { setDatabase } from "../../server/db";
import { migrate } from "../../server/db/migrate";
import { seedDemoData } from "../../server/demo/seed";
import { benchOptions } from "./lib/options";

async function loadOnce(batchSize: number, apps: number | undefined, now: Date) {
  const database = await openDatabase({ dataDir: "memory://", role: "bench" });
  try {
    await migrate(database.driver);
    setDatabase(database);
    const started = performance.now();
    const summary = await seedDemoData(database, { batchSize, now, label: false, ...(apps !== undefined && { apps }) });
    const seconds = (performance.now() - started) / 1000;
    const [made] = await database.driver.query<{ events: number; issues: number; merges: number }>(
      `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM groups) AS issues,
              (SELECT count(*)::int FROM events WHERE grouping_method = 'ai') AS merges`,
    );
    return { seconds, events: summary?.events ?? 0, made: made! };
  } finally {
    await database.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const options = benchOptions(args, { batch: 256, apps: null });
  const apps = options.apps === undefined ? undefined : Number(options.apps);
  const now = new Date();
  const variants = [
    { label: "per event", batchSize: 1 },
    { label: `batches of ${options.batch}`, batchSize: options.batch },
  ];
  const results = [];
  for (const variant of variants) {
    const result = await loadOnce(variant.batchSize, apps, now);
    results.push(result);
    process.stdout.write(
      `${variant.label.padEnd(18)} ${result.seconds.toFixed(1).padStart(6)} s  ${(result.events / result.seconds).toFixed(0).padStart(5)} events/s  ` +
        `made ${result.made.events} events, ${result.made.issues} issues, ${result.made.merges} AI merges\n`,
    );
  }
  process.stdout.write(`batched / per event: ${(results[0]!.seconds / results[1]!.seconds).toFixed(2)}× faster\n`);
}
