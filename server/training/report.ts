import "server-only";
import type { ModelMetrics } from "./metrics";

/** What `npm run eval -- --json` prints and what training writes next to the model. */
export interface EvaluationReport {
  models: Record<string, { dims: Record<string, ModelMetrics & { platforms?: Record<string, ModelMetrics> }> }>;
}

const pct = (x: number) => (Number.isNaN(x) ? "   n/a" : x.toFixed(3).padStart(6));

/** A fixed-width table per model and dimension, then one row per platform. */
export function formatReport(report: EvaluationReport): string {
  const lines: string[] = [];
  const header = `${"model".padEnd(6)} ${"dims".padStart(5)} ${"platform".padEnd(11)} ${"threshold".padStart(9)} ${"prec".padStart(6)} ${"recall".padStart(6)} ${"R@P95".padStart(6)} ${"AUC".padStart(6)} ${"hardAUC".padStart(7)} ${"pairs".padStart(6)}`;
  lines.push(header, "-".repeat(header.length));
  for (const [model, { dims }] of Object.entries(report.models)) {
    for (const [dim, m] of Object.entries(dims)) {
      const row = (platform: string, x: ModelMetrics) =>
        `${model.padEnd(6)} ${dim.padStart(5)} ${platform.padEnd(11)} ${x.threshold.toFixed(4).padStart(9)} ${pct(x.precision)} ${pct(x.recall)} ${pct(x.recall_at_p95)} ${pct(x.auc)} ${pct(x.hard_auc).padStart(7)} ${String(x.pairs).padStart(6)}`;
      lines.push(row("all", m));
      for (const [platform, x] of Object.entries(m.platforms ?? {})) lines.push(row(platform, x));
    }
  }
  return lines.join("\n");
}

/** The --json shape: thresholds and metrics without the per-platform rows. */
export function compactReport(report: EvaluationReport): EvaluationReport {
  return {
    models: Object.fromEntries(
      Object.entries(report.models).map(([model, { dims }]) => [
        model,
        { dims: Object.fromEntries(Object.entries(dims).map(([d, { platforms: _p, ...m }]) => [d, m])) },
      ]),
    ),
  };
}
