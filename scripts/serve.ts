/**
 * Starts regroup: checks the port, opens and migrates the database (the embedded one unless DATABASE_URL is
 * set), loads the demo data with --demo, then serves the Next.js app. Start-up problems are reported in one
 * sentence, without a stack trace.  Usage: tsx --import ./scripts/runtime/register.mjs scripts/serve.ts [--dev] [--demo]
 */
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { startSignInCleanup } from "../server/auth/cleanup";
import { ensureInitialAdmin, type InitialAdmin } from "../server/auth/initial-admin";
import { setDatabase } from "../server/db";
import { analyzeChangedTables, startPlannerStatistics } from "../server/db/planner-statistics";
import { startJobRunner } from "../server/rollout/job-runner";
import { startInboxWorker } from "../server/ingest/inbox/worker";
import { startModelVersionSync } from "../server/models/versions";
import { loadDemoData } from "./demo-progress";
import { EnvError, parseEnv } from "../server/env";
import { machineRouteListener } from "../server/http/machine-routes";
import { groupingApiSecretSource } from "../server/http/rpc-signature";
import { warmModels } from "../server/inference/warm-up";
import { normalizeIngestPath } from "../server/ingest/transport/paths";
import { StartupError, openMigratedDatabase } from "../server/startup";
import { version } from "../server/version";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { dev: { type: "boolean", default: false }, demo: { type: "boolean", default: false } },
});
const { dev, demo } = values;

function fail(message: string): never {
  process.stderr.write(`regroup: ${message}\n`);
  process.exit(1);
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** How to sign in; a generated admin password is printed here, once, and never stored in clear. */
function signInHint(url: string, admin: InitialAdmin, adminEmail: string): string {
  if (admin.created && admin.generatedPassword) {
    return (
      `regroup: created the first admin. Sign in at ${url}/signin as ${admin.email} with the password ` +
      `${admin.generatedPassword} — it is shown only this once; add users on the Users page.`
    );
  }
  if (admin.created)
    return `regroup: created the first admin. Sign in at ${url}/signin as ${admin.email} with ADMIN_PASSWORD.`;
  return (
    `regroup: sign in at ${url}/signin (first admin: ${adminEmail}; its password was printed when this database was ` +
    `set up — forgot it? stop the server and run: npm run user:password -- ${adminEmail}).`
  );
}

async function main(): Promise<void> {
  const config = parseEnv();
  let handle: http.RequestListener = (_req, res) => {
    res.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
    res.end(JSON.stringify({ error: { code: "starting", message: "regroup is starting; try again in a moment." } }));
  };
  const server = http.createServer((req, res) => handle(req, res));
  try {
    await listen(server, config.PORT, config.HOST);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new StartupError(
        `Port ${config.PORT} is already in use on ${config.HOST}; stop the process that uses it or set PORT to a free port.`,
      );
    }
    if (code === "EACCES")
      throw new StartupError(`Port ${config.PORT} needs privileges this user lacks; set PORT to a port above 1023.`);
    throw new StartupError(`Cannot listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}.`);
  }

  const { database, migrations } = await openMigratedDatabase(config, "regroup server").catch(async (error) => {
    server.close();
    throw error;
  });
  setDatabase(database);
  // The models registered and the statuses set in the console (model_versions), now and as other replicas change them.
  const modelVersionSync = startModelVersionSync();
  await modelVersionSync.ready;
  // Applies scheduled flag changes at their time and runs (and resumes) backfill jobs.
  const jobRunner = startJobRunner();
  // Groups the events the SDK endpoints accepted into the inbox (INGEST_MODE=queue), and any an earlier process left.
  const inboxWorker = startInboxWorker();
  // Deletes expired and idle sessions and old sign-in attempts, hourly.
  const signInCleanup = startSignInCleanup();
  // The embedded database has no autovacuum: its planner statistics are refreshed here, every minute.
  const plannerStatistics = startPlannerStatistics(database.driver);
  if (migrations.applied.length)
    console.log(`regroup: applied ${migrations.applied.length} migration(s): ${migrations.applied.join(", ")}`);
  // Loads the models while the rest starts, so that the first grouping call does not wait for them; /api/health
  // says "warming" until they are ready.
  void warmModels();
  if (demo) {
    await loadDemoData(database);
    // The demo wrote all its rows at once: the planner learns of them now rather than within the minute.
    await analyzeChangedTables(database.driver);
  }
  const admin = await ensureInitialAdmin(config);

  const port = (server.address() as { port: number }).port;
  const url = `http://${config.HOST === "0.0.0.0" || config.HOST === "127.0.0.1" ? "localhost" : config.HOST}:${port}`;
  const app = next({ dev, dir: root, hostname: config.HOST, port });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  // In production the SDK endpoints and the grouping API are answered by their handlers directly (machine-routes.ts);
  // the development server leaves them to Next.js, which reloads them as they are edited.
  const machineRoutes = dev ? () => false : await machineRouteListener(PHASE_PRODUCTION_SERVER);
  handle = (req, res) => {
    // The client's address for rate limits and trusted networks (server/auth/request-meta.ts,
    // server/http/machine-access.ts); always the socket's, never a value the client sent.
    req.headers["x-regroup-remote-address"] = req.socket.remoteAddress ?? "unknown";
    // Sentry SDKs post to /api/<id>/envelope/ (and to //api/<id>//store/ from some DSNs); Next.js would 308-redirect
    // the trailing slash and find no route for the doubled ones.
    if (req.url) req.url = normalizeIngestPath(req.url);
    if (!machineRoutes(req, res)) void nextHandler(req, res);
  };
  database.advertise(url);
  console.log(
    `regroup ${version} is serving at ${url} (${dev ? "development" : "production"} mode; database: ${database.driver.location})`,
  );
  console.log(signInHint(url, admin, config.ADMIN_EMAIL));
  console.log(
    `regroup: the grouping API (/v0/issues/similar-issues, also under /api; /api/embed) checks signatures with the secret in ${groupingApiSecretSource()}`,
  );

  const shutdown = () => {
    void jobRunner.stop();
    void inboxWorker.stop();
    signInCleanup.stop();
    plannerStatistics.stop();
    modelVersionSync.stop();
    server.close();
    void database.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof StartupError || error instanceof EnvError) fail(error.message);
  fail(`could not start: ${(error as Error).message?.split("\n")[0] ?? String(error)}`);
});
