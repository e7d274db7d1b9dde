import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";

const root = path.resolve(__dirname, "../../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "regroup-crash-"));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the ingest server (testing/inbox-server-child.ts) on the data directory; resolves once it serves. */
function startServer(env: Record<string, string> = {}): Promise<{ url: string; publicKey: string }> {
  child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/runtime/register.mjs", "server/ingest/testing/inbox-server-child.ts"],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "error", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const lines = readline.createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    lines.once("line", (line) => resolve(JSON.parse(line) as { url: string; publicKey: string }));
    child!.once("exit", (code) => reject(new Error(`the ingest server exited (${code}) before serving`)));
  });
}

/** What the data directory holds while no server runs: events stored and events waiting in the inbox. */
async function countRows(): Promise<{ events: number; inbox: number }> {
  const database = await openDatabase({ dataDir, role: "crash test" });
  try {
    const [row] = await database.driver.query<{ events: number; inbox: number }>(
      `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM ingest_inbox) AS inbox`,
    );
    return row!;
  } finally {
    await database.close();
  }
}

function stopped(process: ChildProcess): Promise<void> {
  return new Promise((resolve) => (process.exitCode !== null ? resolve() : process.once("exit", () => resolve())));
}

/** A known trace (most traffic) or a new one (the AI step), with its own event id. */
function event(i: number) {
  const known = i % 4 !== 0;
  return {
    event_id: randomUUID().replaceAll("-", ""),
    platform: "python",
    exception: {
      values: [
        {
          type: known ? "ValueError" : `Error${i}`,
          value: known ? "bad input" : `failure ${i}`,
          stacktrace: {
            frames: ["main", known ? "handle" : `step${i}`].map((fn, line) => ({
              function: fn,
              module: `app.${fn}`,
              filename: `app/${fn}.py`,
              lineno: 10 + line,
              in_app: true,
            })),
          },
        },
      ],
    },
  };
}

describe("a server killed while events arrive", () => {
  it("loses no event it answered 200 for and stores none twice once it is started again", async () => {
    // Small batches with slow embeddings: the worker groups events all along and falls behind the clients, so that the
    // kill comes with events both stored and waiting.
    const { url, publicKey } = await startServer({ EMBED_DELAY_MS: "150", INBOX_WORKER_BATCH_SIZE: "10" });
    const sent = new Set<string>();
    const accepted = new Set<string>();
    let serial = 0;
    let killed = false;
    const client = async () => {
      while (!killed) {
        const body = event((serial += 1));
        sent.add(body.event_id);
        const answer = await fetch(`${url}/api/1/store/`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-sentry-auth": `Sentry sentry_key=${publicKey}, sentry_version=7`,
          },
          body: JSON.stringify(body),
        }).catch(() => null);
        if (answer?.status === 200) accepted.add(body.event_id);
        await answer?.arrayBuffer().catch(() => undefined);
      }
    };
    const clients = Array.from({ length: 8 }, client);
    // Kill it mid-stream: enough accepted, a backlog in the inbox, and some of what was accepted grouped already.
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const health = (await (await fetch(`${url}/api/health`)).json()) as { inbox: { depth: number } };
      if (accepted.size >= 200 && health.inbox.depth >= 20 && accepted.size - health.inbox.depth >= 20) break;
    }
    const server = child!;
    server.kill("SIGKILL");
    killed = true;
    await stopped(server);
    await Promise.all(clients);
    const atKill = await countRows();
    expect(atKill.events).toBeGreaterThan(0);
    expect(atKill.inbox).toBeGreaterThan(0);

    // Started again, it groups what the inbox holds.
    const restarted = await startServer();
    for (;;) {
      const health = (await (await fetch(`${restarted.url}/api/health`)).json()) as { inbox: { depth: number } };
      if (health.inbox.depth === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const again = child!;
    again.kill("SIGTERM");
    await stopped(again);

    const database = await openDatabase({ dataDir, role: "crash test" });
    try {
      const stored = await database.prisma.event.findMany({ where: { projectId: 1 }, select: { eventId: true } });
      const storedIds = stored.map((row) => row.eventId);
      expect(new Set(storedIds).size).toBe(storedIds.length);
      expect(accepted.size).toBeGreaterThanOrEqual(150);
      expect([...accepted].filter((id) => !storedIds.includes(id))).toEqual([]);
      expect(storedIds.filter((id) => !sent.has(id))).toEqual([]);
      // Every stored event was counted once on its issue (a replayed batch does not count it again).
      const [counts] = await database.driver.query<{ seen: number }>(
        `SELECT sum(times_seen)::int AS seen FROM groups WHERE project_id = 1`,
      );
      expect(counts!.seen).toBe(storedIds.length);
    } finally {
      await database.close();
    }
  }, 180_000);
});
