/**
 * `npm run label -- --labeler builtin|llm [--source merge_sample|disagreement|near_threshold|manual|all] [--limit N]
 * [--concurrency N] [--budget-tokens N]`: labels review pairs with an automated labeler (server/labeling), with a
 * progress bar. The labels are stored under the labeler's name and version, never as an expert's; the Agreement page
 * measures them against the experts. `--labeler llm` asks the OpenAI-compatible API at LABELER_LLM_URL
 * (LABELER_LLM_MODEL, LABELER_LLM_API_KEY), retrying its rate limits and timeouts, and stops at the token budget
 * (LABELER_LLM_TOKEN_BUDGET unless given). Pairs this labeler's version labeled already are skipped, so an interrupted
 * run goes on where it stopped. Needs the database to itself (stop a server on the same DATA_DIR, or use the
 * console's Label action, Review → Agreement).
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { reviewSources } from "../lib/contracts/review";
import { setDatabase } from "../server/db";
import { EnvError, parseEnv } from "../server/env";
import { LabelerConfigError, configuredLabeler, labelerKinds, type LabelerKind } from "../server/labeling/labelers";
import { describeLabelRun, runLabeler, type LabelRunSource } from "../server/labeling/run";
import { StartupError, openMigratedDatabase } from "../server/startup";
import { exitOnStartupFailure } from "./runtime/exit-on-startup-failure";

class UsageError extends Error {}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new UsageError(`--${name} must be a positive integer`);
  return number;
}

function options() {
  const { values } = parseArgs({
    options: {
      labeler: { type: "string" },
      source: { type: "string", default: "merge_sample" },
      limit: { type: "string" },
      concurrency: { type: "string" },
      "budget-tokens": { type: "string" },
    },
  });
  if (!labelerKinds.includes(values.labeler as LabelerKind)) {
    throw new UsageError(`--labeler must be one of ${labelerKinds.join(", ")}`);
  }
  const sources: readonly string[] = [...reviewSources, "all"];
  if (!sources.includes(values.source!)) throw new UsageError(`--source must be one of ${sources.join(", ")}`);
  return {
    labeler: values.labeler as LabelerKind,
    source: values.source as LabelRunSource,
    limit: positiveInteger("limit", values.limit) ?? null,
    concurrency: positiveInteger("concurrency", values.concurrency),
    budget: positiveInteger("budget-tokens", values["budget-tokens"]),
  };
}

try {
  const args = options();
  const config = parseEnv();
  const labeler = configuredLabeler(args.labeler, config);
  const { database } = await openMigratedDatabase(config, "npm run label");
  setDatabase(database);
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  const bar = new cliProgress.SingleBar(
    { format: `${labeler.name} [{bar}] {value}/{total} pairs · {labeled} labeled · {tokens} tokens`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  try {
    let started = false;
    const result = await runLabeler({
      labeler,
      source: args.source,
      limit: args.limit,
      concurrency: args.concurrency ?? (args.labeler === "llm" ? config.LABELER_LLM_CONCURRENCY : 1),
      tokenBudget: args.labeler === "llm" ? (args.budget ?? config.LABELER_LLM_TOKEN_BUDGET) : null,
      signal: controller.signal,
      onProgress: ({ done, total, labeled, tokens }) => {
        if (!started) bar.start(total, 0, { labeled, tokens });
        started = true;
        bar.update(done, { labeled, tokens });
      },
    });
    if (started) bar.stop();
    console.log(describeLabelRun(labeler, result));
    for (const problem of result.problems) console.log(`  ${problem}`);
    if (result.failed > 0 || result.malformed > 0) process.exitCode = 2;
  } finally {
    await database.close();
  }
} catch (error) {
  if (error instanceof UsageError || error instanceof LabelerConfigError) {
    process.stderr.write(`npm run label: ${error.message}\n`);
    process.exit(1);
  }
  if (error instanceof EnvError || error instanceof StartupError) exitOnStartupFailure("npm run label", error);
  // A failure every pair would meet (a wrong key, a URL that is no chat-completions API): said once, labels kept.
  process.stderr.write(`npm run label: stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
