/**
 * `npm run backfill -- --project <id> | --cohort <spec> [--batch-size 50]`: backfills the next model's (v2) index of
 * a project or a cohort, with a progress bar per project.
 *   cohort specs: "platform=python,min-events=10,max-events=5000,min-coverage=50" or "percent=25,salt=wave1"
 * While a regroup server owns the embedded data directory, the jobs are created through its HTTP API (sign in with
 * --email/--password or REGROUP_EMAIL/REGROUP_PASSWORD; --url to name another server) and run by its job runner; this
 * command follows their progress. With DATABASE_URL, or when no server runs, it runs the jobs itself; interrupted,
 * a job resumes from its last batch when run again (or when a server's runner finds it stale).
 */
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import cliProgress from "cli-progress";
import { z } from "zod";
import { cohortSchema, jobListResponseSchema, jobSchema, type Cohort, type Job } from "../lib/contracts/rollout";
import { setDatabase } from "../server/db";
import { readLockOwner } from "../server/db/data-dir-lock";
import { EnvError, parseEnv } from "../server/env";
import { groupingModels } from "../server/grouping/default-models";
import { runBackfillJob } from "../server/rollout/backfill";
import { resolveCohort } from "../server/rollout/cohorts";
import { claimJob } from "../server/rollout/job-runner";
import { createBackfillJobs, toJobView } from "../server/rollout/jobs";
import { StartupError, openMigratedDatabase } from "../server/startup";
import { ServerSignInError, withServerSession } from "./backfill/server-session";

class UsageError extends Error {}

/** A running job whose heartbeat is older than this is taken over (the job runner's default). */
const STALE_AFTER_MS = 60_000;

const { values } = parseArgs({
  options: {
    project: { type: "string" },
    cohort: { type: "string" },
    "batch-size": { type: "string" },
    url: { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
  },
});

function parseCohort(spec: string): Cohort {
  const pairs = Object.fromEntries(
    spec.split(",").map((part) => {
      const [key, value = ""] = part.split("=", 2);
      return [key!.trim(), value.trim()];
    }),
  );
  const number = (key: string) => (pairs[key] === undefined ? undefined : Number(pairs[key]));
  const candidate =
    pairs.percent !== undefined
      ? { kind: "percentage", percent: number("percent"), salt: pairs.salt ?? "" }
      : {
          kind: "filter",
          platform: pairs.platform,
          minEvents: number("min-events"),
          maxEvents: number("max-events"),
          minCoveragePercent: number("min-coverage"),
        };
  const parsed = cohortSchema.safeParse(candidate);
  if (!parsed.success)
    throw new UsageError(
      `--cohort "${spec}" is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

function target(): { projectId?: number; cohort?: Cohort; batchSize?: number } {
  if (!values.project === !values.cohort) throw new UsageError("give exactly one of --project <id> or --cohort <spec>");
  const batchSize = values["batch-size"] ? Number(values["batch-size"]) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0))
    throw new UsageError("--batch-size must be a positive integer");
  if (values.project) {
    const projectId = Number(values.project);
    if (!Number.isInteger(projectId) || projectId <= 0) throw new UsageError("--project must be a project id");
    return { projectId, batchSize };
  }
  return { cohort: parseCohort(values.cohort!), batchSize };
}

const bars = new cliProgress.MultiBar(
  { format: "{name} |{bar}| {value}/{total} {status}", hideCursor: true, clearOnComplete: false },
  cliProgress.Presets.shades_classic,
);

async function viaServer(url: string, request: ReturnType<typeof target>): Promise<void> {
  const email = values.email ?? process.env.REGROUP_EMAIL;
  const password = values.password ?? process.env.REGROUP_PASSWORD;
  if (!email || !password) {
    throw new UsageError(
      `the server at ${url} owns the data: give an admin's --email and --password (or REGROUP_EMAIL / REGROUP_PASSWORD)`,
    );
  }
  // Signed out at the end, so that each run does not leave a 14-day admin session on the server.
  await withServerSession(url, { email, password }, async (cookie) => {
    const created = await fetch(`${url}/api/rollout/jobs`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify(request),
    });
    let jobs: Job[];
    if (created.status === 409 && request.projectId !== undefined) {
      // The project's backfill is already queued or running: the answer names that job, and this command follows it.
      jobs = [z.object({ job: jobSchema }).parse(await created.json()).job];
    } else {
      if (!created.ok)
        throw new UsageError(`the server refused the backfill (${created.status}): ${await created.text()}`);
      jobs = jobListResponseSchema.parse(await created.json()).jobs;
    }
    const progress = new Map(
      jobs.map((job) => [
        job.id,
        bars.create(Math.max(1, job.progressTotal), job.progressDone, {
          name: `project ${job.projectId}`,
          status: job.status,
        }),
      ]),
    );
    const ids = jobs.map((job) => job.id).join(",");
    for (;;) {
      const response = await fetch(`${url}/api/rollout/jobs?ids=${ids}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`could not read the jobs' progress (${response.status})`);
      jobs = jobListResponseSchema.parse(await response.json()).jobs;
      for (const job of jobs) {
        progress.get(job.id)?.setTotal(Math.max(1, job.progressTotal));
        progress.get(job.id)?.update(job.progressDone, { status: job.status });
      }
      if (jobs.every((job) => !["queued", "running"].includes(job.status))) break;
      await sleep(500);
    }
    report(jobs);
  });
}

async function locally(config: ReturnType<typeof parseEnv>, request: ReturnType<typeof target>): Promise<void> {
  const { database } = await openMigratedDatabase(config, "npm run backfill");
  setDatabase(database);
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  try {
    const models = groupingModels();
    const next = models.next();
    if (!next) throw new UsageError('no model has the status "next": there is nothing to backfill');
    const projectIds = request.projectId
      ? [request.projectId]
      : (await resolveCohort(request.cohort!, models)).map((p) => p.id);
    if (projectIds.length === 0) throw new UsageError("the cohort selects no project");
    const created = await createBackfillJobs({
      projectIds,
      model: next.version,
      batchSize: request.batchSize,
      createdBy: "npm run backfill",
      claimed: true,
    });
    const jobs = created.map((entry) => entry.job);
    for (const { job, leaseToken } of created) {
      // A job that was already active is run here only if it is queued or its worker stopped beating (stale).
      const lease = leaseToken ? { jobId: job.id, token: leaseToken } : await claimJob(job.id, STALE_AFTER_MS);
      const bar = bars.create(1, 0, { name: `project ${job.projectId}`, status: lease ? "running" : "run elsewhere" });
      if (!lease) continue;
      const outcome = await runBackfillJob(lease, {
        models,
        signal: controller.signal,
        onProgress: ({ done, total }) => {
          bar.setTotal(Math.max(1, total));
          bar.update(done);
        },
      });
      bar.update({ status: outcome });
      if (outcome === "aborted") break;
    }
    report((await database.prisma.job.findMany({ where: { id: { in: jobs.map((j) => j.id) } } })).map(toJobView));
  } finally {
    await database.close();
  }
}

function report(jobs: Pick<Job, "id" | "projectId" | "status" | "progressDone" | "error">[]): void {
  bars.stop();
  for (const job of jobs) {
    const tail =
      job.status === "running"
        ? " (interrupted: run again to resume from its last batch)"
        : job.error
          ? `: ${job.error}`
          : "";
    console.log(`job #${job.id} (project ${job.projectId}): ${job.status}, ${job.progressDone} hashes${tail}`);
  }
  if (jobs.some((job) => job.status !== "done")) process.exitCode = 1;
}

try {
  const request = target();
  const config = parseEnv();
  const owner = config.DATABASE_URL ? null : readLockOwner(config.dataDir);
  const url = values.url ?? owner?.url;
  if (url) await viaServer(url.replace(/\/$/, ""), request);
  else if (owner)
    throw new UsageError(
      `the embedded database in ${config.dataDir} is in use by ${owner.role} (pid ${owner.pid}); stop it first`,
    );
  else await locally(config, request);
} catch (error) {
  bars.stop();
  const explained = [UsageError, ServerSignInError, StartupError, EnvError].some((type) => error instanceof type);
  if (!explained) throw error;
  process.stderr.write(`backfill: ${(error as Error).message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
