// `npm run eval -- --end-to-end --events E.jsonl[.gz] [--models v1,v2] [--json]`
// The corpus's events replayed through the real SDK endpoint of fresh projects (one per app and model, on an
// in-memory embedded database), and the issues regroup made scored against the true root causes.
import cliProgress from "cli-progress";
import { readEvents } from "@/server/training/events-file";
import {
  corpusEvents,
  fingerprintOnly,
  replayEndToEnd,
  totalOutcome,
  type AppOutcome,
} from "@/server/training/end-to-end";
import { setIngestMode } from "@/server/ingest/mode";
import { startBenchServer } from "../bench/lib/in-process-server";

type Row = Omit<AppOutcome, "app" | "platform" | "items" | "firstRejection"> & { app: string; platform: string };

const pct = (n: number) => n.toFixed(3);

function formatRows(model: string, rows: Row[]): string[] {
  return rows.map((r) =>
    [
      model.padEnd(7),
      r.app.padEnd(18),
      r.platform.padEnd(8),
      String(r.events).padStart(6),
      String(r.rootCauses).padStart(6),
      String(r.issues).padStart(6),
      pct(r.bcubed.precision).padStart(7),
      pct(r.bcubed.recall).padStart(7),
      `${r.methods.fingerprint}/${r.methods.ai}/${r.methods.new}`.padStart(13),
      (r.methods.ai ? pct(r.aiMergesCorrect / r.methods.ai) : "-").padStart(8),
      `${r.fallbackMergesCorrect}/${r.fallbackMerges}`.padStart(9),
      r.rejected ? `  ${r.rejected} rejected` : "",
    ].join(" "),
  );
}

export async function evaluateEndToEnd(file: string, models: string[], json: boolean): Promise<void> {
  const log = (message: string) => (json ? process.stderr : process.stdout).write(`${message}\n`);
  const events = corpusEvents(await readEvents(file));
  const apps = new Set(events.map((e) => e.app));
  log(`${events.length} labeled events of ${apps.size} apps, replayed through POST /api/<project>/store/ per model`);
  // Each event is grouped before the next is sent, in the order it happened (no inbox worker runs in this process:
  // in queue mode the events would wait in the inbox and none would be scored).
  setIngestMode("sync");
  const server = await startBenchServer();
  const report: Record<string, { apps: AppOutcome[]; all: Row }> = {};
  const floor = fingerprintOnly(events);
  report["fp-only"] = { apps: floor, all: { ...totalOutcome(floor), app: "all", platform: "" } };
  try {
    for (const [index, model] of models.entries()) {
      const bar = new cliProgress.SingleBar(
        { format: `replaying on ${model} [{bar}] {value}/{total} events`, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      bar.start(events.length, 0);
      const outcomes = await replayEndToEnd(events, {
        baseUrl: server.url,
        prisma: server.database.prisma,
        model,
        firstProjectId: 1000 * (index + 1),
        onEvent: () => bar.increment(),
      });
      bar.stop();
      for (const outcome of outcomes)
        if (outcome.firstRejection) log(`${model} ${outcome.app}: first rejection ${outcome.firstRejection}`);
      report[model] = { apps: outcomes, all: { ...totalOutcome(outcomes), app: "all", platform: "" } };
    }
  } finally {
    await server.close();
  }
  if (json) {
    const strip = ({ items: _items, ...rest }: Row & { items?: unknown }) => rest;
    const compact = Object.fromEntries(
      Object.entries(report).map(([model, r]) => [model, { all: strip(r.all), apps: r.apps.map(strip) }]),
    );
    process.stdout.write(`${JSON.stringify(compact)}\n`);
    return;
  }
  log("model   app                platform events causes issues  B3prec   B3rec     fp/ai/new     AIok fallback");
  log("-".repeat(106));
  for (const [model, r] of Object.entries(report)) {
    for (const line of formatRows(model, [r.all, ...r.apps])) log(line);
  }
  log(
    "\nB3prec/B3rec: B-cubed precision and recall of the issues against the root causes; fp/ai/new: events grouped by a known fingerprint, merged by the AI step, or starting an issue; AIok: share of AI merges into an issue whose first event has the same root cause; fallback: right/all AI merges the stable model made when the requested one found nothing near; fp-only: the same events grouped by fingerprints alone (no AI step), what every model starts from.",
  );
}
