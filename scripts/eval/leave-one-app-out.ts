// `npm run eval -- --leave-one-app-out [--apps invoice-api,loanbook] [--epochs 2] [--inner-prior P] [--work .data/folds]`
// How the corpus training transfers to an application it has never seen, thresholds included: for each training app,
// v2 is trained on the other training apps (thresholds chosen on the dev split, as always), then that app's pairs
// are scored and its events replayed end to end (`--end-to-end`). Each fold trains a model (about 1.5–3 minutes on
// two cores), so this is a separate command, not part of `npm test`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createGzip } from "node:zlib";
import { readJsonLines } from "@/server/training/events-file";

const TRAIN_EVENTS = "corpus/data/train/events.jsonl.gz";
const TRAIN_PAIRS = "corpus/data/train/pairs.jsonl.gz";

/** Splits a JSON-lines file in two by a predicate on each value, as gzip files. */
async function splitLines(file: string, isHeldOut: (value: unknown) => boolean, kept: string, held: string) {
  const outputs = [kept, held].map((target) => {
    const gzip = createGzip();
    gzip.pipe(fs.createWriteStream(target));
    return gzip;
  });
  for await (const { value } of readJsonLines(file))
    outputs[isHeldOut(value) ? 1 : 0]!.write(`${JSON.stringify(value)}\n`);
  await Promise.all(outputs.map((gzip) => new Promise((resolve) => gzip.end(resolve))));
}

/** Runs one of the package's npm scripts with its output shown, failing the fold when it fails. */
function npmRun(args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync("npm", ["run", "-s", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) throw new Error(`npm run ${args.join(" ")} failed:\n${result.stdout}`);
  return result.stdout;
}

export async function leaveOneAppOut(options: {
  apps?: string[];
  epochs: number;
  work: string;
  /** Passed to `npm run train` (its default when absent). */
  innerPrior?: string;
}): Promise<void> {
  const apps = new Set<string>();
  for await (const { value } of readJsonLines(TRAIN_EVENTS))
    apps.add((value as { corpus: { app: string } }).corpus.app);
  const folds = options.apps?.length ? options.apps : [...apps].sort();
  for (const app of folds) {
    if (!apps.has(app)) throw new Error(`${app} is not a training app (${[...apps].join(", ")})`);
    const dir = path.resolve(options.work, app);
    fs.mkdirSync(dir, { recursive: true });
    const file = (name: string) => path.join(dir, name);
    await splitLines(
      TRAIN_EVENTS,
      (e) => (e as { corpus: { app: string } }).corpus.app === app,
      file("train-events.jsonl.gz"),
      file("held-events.jsonl.gz"),
    );
    await splitLines(
      TRAIN_PAIRS,
      (p) => (p as { project: string }).project === app,
      file("train-pairs.jsonl.gz"),
      file("held-pairs.jsonl.gz"),
    );
    console.log(`\n== ${app}: trained without it (${options.epochs} epochs), then scored on it`);
    npmRun([
      "train",
      "--",
      ...["--events", file("train-events.jsonl.gz"), "--pairs", file("train-pairs.jsonl.gz")],
      ...["--epochs", String(options.epochs), "--out", file("models")],
      ...(options.innerPrior === undefined ? [] : ["--inner-prior", options.innerPrior]),
    ]);
    const env = { MODELS_DIR: file("models") };
    const held = ["--events", file("held-events.jsonl.gz")];
    const pairs = npmRun(["eval", "--", ...held, "--pairs", file("held-pairs.jsonl.gz"), "--dims", "64"], env);
    console.log(
      pairs
        .split("\n")
        .filter((line) => /^(v1|v2|model|-)/.test(line))
        .join("\n"),
    );
    const replay = npmRun(["eval", "--", "--end-to-end", ...held], env);
    console.log(
      replay
        .split("\n")
        .filter((line) => /^(fp-only|v1|v2|model|-)/.test(line))
        .join("\n"),
    );
  }
}
