/**
 * `npm run loadtest -- --url http://localhost:3000 [--secret S] [--projects 100] [--records 100000]
 *   [--concurrency 16] [--duration 60] [--model v1|v2] [--batch 50] [--near 0.5] [--rate 100] [--open-duration 20]`
 *
 * Load test of the grouping API over HTTP. Backfills `records` stack traces into `projects` projects through the
 * bulk endpoint (progress bar), then `concurrency` clients send similar-issues requests for `duration` seconds — a
 * mix of near-duplicates of backfilled traces and new traces — and it prints requests/s, p50/p95/p99 latency of
 * lookups (answered with a match) and of inserts (nothing matched: indexed), errors, and afterwards the number of
 * records and bytes per record, checking that the count equals what the responses imply. Then an open-loop run:
 * requests sent at a fixed arrival rate (`--rate` a second, for `--open-duration` seconds) whatever the answers'
 * latency, as independent callers send them, with its p50/p99 (0 skips it).
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { signatureHeader } from "../server/http/rpc-signature";
import { traceTexts } from "./bench/lib/trace-texts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: `http://localhost:${process.env.PORT ?? 3000}` },
    projects: { type: "string", default: "100" },
    records: { type: "string", default: "100000" },
    concurrency: { type: "string", default: "16" },
    duration: { type: "string", default: "60" },
    model: { type: "string", default: "v1" },
    batch: { type: "string", default: "50" },
    near: { type: "string", default: "0.5" },
    secret: { type: "string", default: "" },
    rate: { type: "string", default: "100" },
    "open-duration": { type: "string", default: "20" },
  },
});
const url = values.url.replace(/\/$/, "");
const projects = Number(values.projects);
const records = Number(values.records);
const concurrency = Number(values.concurrency);
const durationS = Number(values.duration);
const model = values.model;
const batchSize = Number(values.batch);
const nearShare = Number(values.near);
const openRate = Number(values.rate);
const openDurationS = Number(values["open-duration"]);
const secret =
  values.secret ||
  process.env.GROUPING_API_SECRET?.trim().split(/\s+/)[0] || // several while rotating: the first signs
  fs.readFileSync(path.join(process.env.DATA_DIR ?? ".data", "grouping-api-secret"), "utf8").trim();
const FIRST_PROJECT = 900_001;

async function call(
  route: string,
  body: unknown | undefined,
  method = "POST",
): Promise<{ status: number; json: Record<string, unknown> }> {
  const text = body === undefined ? "" : JSON.stringify(body);
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { "content-type": "application/json", authorization: signatureHeader(text, secret) },
    body: method === "GET" ? undefined : text,
  });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/** Embedding texts of synthetic events, `count` of them spread over the projects. */
const makeTexts = (seed: string, count: number) => traceTexts(seed, count, Math.min(projects, 40));

const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main() {
  const projectIds = Array.from({ length: projects }, (_, i) => FIRST_PROJECT + i);
  console.log(
    `loadtest: ${url}, ${projects} projects, ${records} records, ${concurrency} clients × ${durationS} s, model ${model}`,
  );
  for (const id of projectIds)
    await call(`/api/v0/issues/similar-issues/grouping-record/delete/${id}`, undefined, "GET");

  // Phase 1: backfill through the bulk endpoint.
  const backfill = makeTexts("loadtest-backfill", records);
  const bar = new cliProgress.SingleBar(
    { format: "backfill [{bar}] {value}/{total} records {eta_formatted}", noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(records, 0);
  let expected = 0;
  let errors = 0;
  // What the failed requests answered (0: no answer), so that an error count says what went wrong.
  const failures = new Map<string, number>();
  const backfilled: { projectId: number; text: string }[] = [];
  for (let start = 0; start < records; start += batchSize) {
    const slice = backfill.slice(start, start + batchSize);
    const data = slice.map((_, i) => {
      const n = start + i;
      return { group_id: n + 1, hash: `bf-${n}`, project_id: projectIds[n % projects]!, exception_type: null };
    });
    const response = await call("/api/v0/issues/similar-issues/grouping-record", {
      data,
      stacktrace_list: slice,
      model,
    });
    if (response.status !== 200) errors += 1;
    else expected += slice.length - Object.keys(response.json.groups_with_neighbor as object).length;
    data.forEach((item, i) => backfilled.push({ projectId: item.project_id, text: slice[i]! }));
    bar.update(Math.min(records, start + batchSize));
  }
  bar.stop();

  // Phase 2: concurrent lookups for `duration` seconds.
  const fresh = makeTexts("loadtest-live", 20_000);
  const lookups: number[] = [];
  const inserts: number[] = [];
  let counter = 0;
  let sent = 0;
  const deadline = Date.now() + durationS * 1000;
  /** One similar-issues request (a near-duplicate or a new trace), counted where its answer says. */
  const request = async () => {
    const n = (counter += 1);
    const near = Math.random() < nearShare;
    const source = near
      ? backfilled[Math.floor(Math.random() * backfilled.length)]!
      : { projectId: projectIds[n % projects]!, text: fresh[n % fresh.length]! };
    const started = performance.now();
    const response = await call("/api/v0/issues/similar-issues", {
      project_id: source.projectId,
      stacktrace: source.text,
      hash: `live-${n}`,
      k: 1,
      model,
    }).catch((error: Error) => ({
      status: 0,
      json: { message: error.cause ?? error.message } as Record<string, unknown>,
    }));
    const elapsed = performance.now() - started;
    sent += 1;
    if (response.status !== 200) {
      errors += 1;
      const reason = `${response.status} ${JSON.stringify(response.json).slice(0, 120)}`;
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
      return null;
    }
    const matched = (response.json.responses as { should_group: boolean }[]).some((r) => r.should_group);
    if (!matched) expected += 1;
    return { elapsed, matched };
  };
  const client = async () => {
    while (Date.now() < deadline) {
      const answer = await request();
      if (answer) (answer.matched ? lookups : inserts).push(answer.elapsed);
    }
  };
  const phaseStarted = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - phaseStarted) / 1000;

  // Phase 3: open loop — one request every 1/rate seconds, not waiting for the answers.
  const openLatencies: number[] = [];
  const closedSent = sent;
  const closedErrors = errors;
  if (openRate > 0 && openDurationS > 0) {
    const pending: Promise<void>[] = [];
    const openStarted = performance.now();
    for (let i = 0; i < openRate * openDurationS; i += 1) {
      const due = openStarted + (i * 1000) / openRate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(request().then((answer) => void (answer && openLatencies.push(answer.elapsed))));
    }
    await Promise.all(pending);
  }

  const stats = await call("/api/v0/issues/similar-issues/grouping-record/stats", { project_ids: projectIds });
  const recordsAfter = Number(stats.json.records);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `requests: ${closedSent} in ${seconds.toFixed(1)} s = ${(closedSent / seconds).toFixed(1)} req/s, errors: ${closedErrors}`,
  );
  console.log(
    `lookups (matched): n=${lookups.length} p50 ${ms(percentile(lookups, 50))} p95 ${ms(percentile(lookups, 95))} p99 ${ms(percentile(lookups, 99))}`,
  );
  console.log(
    `inserts (indexed): n=${inserts.length} p50 ${ms(percentile(inserts, 50))} p95 ${ms(percentile(inserts, 95))} p99 ${ms(percentile(inserts, 99))}`,
  );
  if (openLatencies.length || sent > closedSent) {
    console.log(
      `open loop at ${openRate} req/s for ${openDurationS} s: n=${sent - closedSent} p50 ${ms(percentile(openLatencies, 50))} p99 ${ms(percentile(openLatencies, 99))}, errors: ${errors - closedErrors}`,
    );
  }
  for (const [reason, count] of failures) console.log(`failed ×${count}: ${reason}`);
  console.log(
    `records afterwards: ${recordsAfter} (responses imply ${expected}) — ${recordsAfter === expected ? "nothing lost, nothing duplicated" : "MISMATCH"}`,
  );
  console.log(`bytes per record (whole index): ${Number(stats.json.bytesPerRecord).toFixed(0)}`);
  if (errors > 0 || recordsAfter !== expected) process.exitCode = 1;
}

await main();
