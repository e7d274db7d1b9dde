import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "../server/db";
import { openDatabase } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { useGroupingModels } from "../server/grouping/default-models";
import { startChatStub, type ChatStub, type StubReply } from "../server/labeling/testing/chat-stub";
import { seedOvergroupingWorld } from "../server/overgrouping/seed-fixture";
import { fixtureModels } from "../server/testing/fixture-models";

/**
 * `npm run label -- --labeler llm` as a user runs it: a data directory with review pairs, the LLM behind a local
 * stub of the chat-completions protocol that answers one call with 429, lets one time out, answers one with prose
 * instead of JSON, and prices every answer at 1,000 tokens; the command's budget stops it part way.
 */
const root = path.resolve(__dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-label-"));
let stub: ChatStub;

beforeAll(async () => {
  const database = await openDatabase({ dataDir, role: "label test" });
  await migrate(database.driver);
  setDatabase(database);
  useGroupingModels(fixtureModels);
  try {
    await seedOvergroupingWorld(database);
  } finally {
    useGroupingModels(undefined);
    await database.close();
  }
  const replies: Record<number, StubReply> = {
    1: { kind: "status", status: 429, retryAfter: "0", body: '{"error":{"message":"rate limited"}}' },
    3: { kind: "hang" },
    5: { kind: "content", content: "I think these two belong together." },
  };
  stub = await startChatStub(
    ({ n }) => replies[n] ?? { kind: "answer", verdict: "SEPARATE", reason: "Different app frames.", tokens: 1000 },
  );
}, 120_000);

afterAll(async () => {
  await stub?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function label(
  args: string[],
  env: Record<string, string> = {
    LABELER_LLM_URL: stub.url,
    LABELER_LLM_MODEL: "stub-model",
    LABELER_LLM_API_KEY: "test-key",
    LABELER_LLM_TIMEOUT_MS: "500",
  },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--import", "./scripts/runtime/register.mjs", "scripts/label.ts", ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", ...env } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const BUDGET = 4500;

describe("npm run label -- --labeler llm", () => {
  it("labels pairs through a 429 and a timeout, refuses a malformed answer without a label, and stops at its budget", async () => {
    const result = await label([
      "--labeler",
      "llm",
      "--source",
      "all",
      "--concurrency",
      "1",
      "--budget-tokens",
      String(BUDGET),
    ]);
    expect(result.stderr).toBe("");
    // Exit 2: a malformed answer was refused (its pair is left for a rerun).
    expect(result.code).toBe(2);
    // Calls 1 (429) and 3 (timeout) were retried, call 5 (prose) refused; every other call was a 1,000-token answer.
    const answered = stub.calls.length - 3;
    expect(answered).toBeGreaterThanOrEqual(2);
    const summary =
      /llm:stub-model \(prompt-1\): (\d+) of (\d+) pair\(s\) labeled \(0 GROUP, (\d+) SEPARATE, 0 UNSURE\); 1 malformed answer\(s\) refused, 0 given up, 2 retried; (\d+) tokens\. Stopped at the token budget/.exec(
        result.stdout,
      );
    expect(summary, result.stdout).not.toBeNull();
    const [, labeled, total, separate, tokens] = summary!.map(Number);
    expect(labeled).toBe(answered);
    expect(separate).toBe(answered);
    expect(total).toBeGreaterThan(answered + 1);
    expect(tokens).toBeGreaterThanOrEqual(answered * 1000);
    expect(tokens).toBeLessThanOrEqual(BUDGET);
    expect(stub.calls[0]!.authorization).toBe("Bearer test-key");

    const database = await openDatabase({ dataDir, role: "label test" });
    try {
      const labels = await database.prisma.label.findMany({ where: { labelerName: "llm:stub-model" } });
      expect(labels).toHaveLength(answered);
      expect(labels.every((l) => l.labelerKind === "automated" && l.labelerVersion === "prompt-1")).toBe(true);
      expect(labels.every((l) => l.labelerId === null && l.reason === "Different app frames.")).toBe(true);
      const pairIds = (await database.prisma.reviewPair.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map(
        (p) => p.id,
      );
      // Pairs are asked oldest first; the third got the malformed answer and has no label of this labeler.
      const asked = pairIds.slice(0, answered + 1);
      expect(labels.map((l) => l.pairId).sort((a, b) => a - b)).toEqual(asked.filter((id) => id !== pairIds[2]));
    } finally {
      await database.close();
    }
  }, 120_000);

  it("says what is missing when the LLM is not configured, and writes nothing", async () => {
    const result = await label(["--labeler", "llm"], { LABELER_LLM_URL: "", LABELER_LLM_MODEL: "" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "npm run label: The LLM labeler needs LABELER_LLM_URL (an OpenAI-compatible API's base URL, …/v1) and LABELER_LLM_MODEL.\n",
    );
  }, 60_000);
});
