/**
 * A regroup ingest server in a process of its own, for the crash test (inbox/crash.test.ts): the app's API routes and
 * the inbox worker over the embedded database in DATA_DIR, in queue mode, with project 1 (created on first start).
 * Prints one JSON line `{ url, publicKey }` once it serves. The test kills it with SIGKILL mid-load and starts it again.
 */
import { openDatabase } from "../../db/client";
import { setDatabase } from "../../db";
import { migrate } from "../../db/migrate";
import { setTimeout as sleep } from "node:timers/promises";
import { createInboxWorker } from "../inbox/worker";
import { setIngestMode } from "../mode";
import { startApiServer } from "../../testing/api-server";
import { useGroupingModels as installGroupingModels } from "../../grouping/default-models";
import { fixtureModels } from "../../testing/fixture-models";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR is required");
process.env.INGEST_RATE_LIMIT_PER_SECOND = "0";
// EMBED_DELAY_MS: each embedding call takes that much longer, so that the worker falls behind the clients and the
// inbox holds a backlog when the test kills the server (a worker that kept pace would leave nothing to replay).
const embedDelayMs = Number(process.env.EMBED_DELAY_MS ?? 0);
installGroupingModels({
  ...fixtureModels,
  embed: async (version, texts) => {
    await sleep(embedDelayMs);
    return fixtureModels.embed(version, texts);
  },
});
setIngestMode("queue");
const database = await openDatabase({ dataDir, role: "crash-test server" });
await migrate(database.driver);
setDatabase(database);
const project =
  (await database.prisma.project.findUnique({ where: { id: 1 } })) ??
  (await database.prisma.project.create({ data: { id: 1, slug: "crash", name: "Crash", platform: "python" } }));
const api = await startApiServer();
process.stdout.write(`${JSON.stringify({ url: api.url, publicKey: project.publicKey })}\n`);
const worker = createInboxWorker({ pollMs: 50, batchSize: Number(process.env.INBOX_WORKER_BATCH_SIZE ?? 256) });
process.once("SIGTERM", () => {
  void (async () => {
    await worker.stop();
    await api.close();
    await database.close();
    process.exit(0);
  })();
});
