import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LabelJob, LabelJobsResponse } from "@/lib/contracts/labeling";
import { seedOvergroupingWorld } from "../overgrouping/seed-fixture";
import { createJobRunner, type JobRunner } from "../rollout/job-runner";
import { setUpTestApi } from "../testing/test-environment";
import { fixtureModels } from "../testing/fixture-models";
import { signedInAs } from "../testing/users";
import { startChatStub } from "./testing/chat-stub";

/**
 * The console's label job over HTTP: an admin queues a run, the server's job runner labels with progress, a second
 * job waits its turn (409 while one is active), and a cancelled LLM job stops mid-call and keeps what it labeled.
 * The LLM is a local stub of the chat-completions protocol that answers twice, then never again.
 */
const stub = await startChatStub(({ n }) =>
  n <= 2 ? { kind: "answer", verdict: "GROUP", reason: "Same raising code.", tokens: 10 } : { kind: "hang" },
);
process.env.LABELER_LLM_URL = stub.url;
process.env.LABELER_LLM_MODEL = "stub-model";
process.env.LABELER_LLM_CONCURRENCY = "1";

const server = setUpTestApi({ models: fixtureModels });
const database = server.database;
let admin: string;
let runner: JobRunner;

beforeAll(async () => {
  await seedOvergroupingWorld(database);
  admin = (await signedInAs("admin")).cookie;
});

afterAll(async () => {
  await runner?.stop();
  await stub.close();
});

async function jobs(): Promise<LabelJobsResponse> {
  const answer = await server.call<LabelJobsResponse>(admin, "GET", "/api/review/label-jobs");
  expect(answer.status).toBe(200);
  return answer.body;
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

describe("label jobs", () => {
  it("run one at a time with progress, and label every pair of their source", async () => {
    const created = await server.call<{ labelJob: LabelJob }>(admin, "POST", "/api/review/label-jobs", {
      labeler: "builtin",
      source: "all",
    });
    expect(created.status).toBe(201);
    expect(created.body.labelJob).toMatchObject({ labeler: "builtin", source: "all", limit: null });
    expect(created.body.labelJob.job.status).toBe("queued");
    const second = await server.call<{ error: { message: string } }>(admin, "POST", "/api/review/label-jobs", {
      labeler: "builtin",
    });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(
      `Label job #${created.body.labelJob.job.id} is queued; cancel it or wait for it to end.`,
    );

    runner = createJobRunner({ intervalMs: 50, staleAfterMs: 3_000, models: fixtureModels });
    await until("the job is done", async () => (await jobs()).jobs[0]!.job.status === "done");
    const pairs = await database.prisma.reviewPair.count();
    const [done] = (await jobs()).jobs;
    expect(done!.job).toMatchObject({ progressDone: pairs, progressTotal: pairs });
    expect(done!.summary).toMatch(
      new RegExp(`^builtin-alignment \\(alignment-\\d+\\): ${pairs} of ${pairs} pair\\(s\\) labeled`),
    );
    expect(await database.prisma.label.count({ where: { labelerName: "builtin-alignment" } })).toBe(pairs);
    const audit = await database.prisma.auditEntry.findFirst({ where: { action: "label_job.create" } });
    expect(audit).not.toBeNull();
  });

  it("stop when cancelled, in the middle of a model call, keeping what they labeled", async () => {
    expect((await jobs()).labelers).toEqual([
      {
        kind: "builtin",
        name: "builtin-alignment",
        configured: true,
        note: expect.stringMatching(/^builtin-alignment/),
      },
      { kind: "llm", name: "llm:stub-model", configured: true, note: "llm:stub-model (prompt-1)" },
    ]);
    const created = await server.call<{ labelJob: LabelJob }>(admin, "POST", "/api/review/label-jobs", {
      labeler: "llm",
      source: "all",
    });
    expect(created.status).toBe(201);
    const id = created.body.labelJob.job.id;
    // Two answers, then the third call hangs: the job sits at 2 done.
    await until("two pairs are labeled and a third is asked", async () => {
      const job = (await jobs()).jobs.find((entry) => entry.job.id === id)!.job;
      return job.progressDone === 2 && stub.calls.length === 3;
    });
    const cancelled = await server.call(admin, "POST", `/api/rollout/jobs/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    // The runner's heartbeat finds the lease gone and aborts the hanging call.
    await until("the runner let the job go", async () => runner.finished.some((entry) => entry.jobId === id));
    const job = (await jobs()).jobs.find((entry) => entry.job.id === id)!;
    expect(job.job.status).toBe("cancelled");
    expect(stub.calls).toHaveLength(3);
    expect(await database.prisma.label.count({ where: { labelerName: "llm:stub-model" } })).toBe(2);
  });
});
