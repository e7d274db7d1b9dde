// `npm run build`: runs every app of the corpus, both releases, with its real Sentry SDK pointed at a loopback
// capture server, then writes the labeled events and pairs, split by application, under data/.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { APPS, PYTHON } from "./apps.mjs";
import { startCaptureServer } from "./lib/capture-server.mjs";
import { labeledEvents, samplePairs } from "./lib/dataset.mjs";
import { layOutRelease } from "./lib/releases.mjs";
import { sourceMapProcessor } from "./lib/sourcemaps.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (message) => console.log(`[corpus ${elapsed()}] ${message}`);
const only = process.argv.slice(2);

function ensureDependencies() {
  const { dependencies } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  if (Object.keys(dependencies).some((name) => !fs.existsSync(path.join(root, "node_modules", name)))) {
    log("installing the corpus's npm packages (npm ci)");
    const npm = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
    if (npm.status !== 0) throw new Error("npm ci failed in corpus/");
  }
  const probe = () => spawnSync(PYTHON, ["-c", "import sentry_sdk, flask, requests"], { stdio: "ignore" }).status === 0;
  if (!probe()) {
    log("installing Debian's python3-sentry-sdk, python3-flask and python3-requests (apt-get)");
    spawnSync("apt-get", ["install", "-y", "python3-sentry-sdk", "python3-flask", "python3-requests"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (!probe()) throw new Error(`${PYTHON} cannot import sentry_sdk, flask and requests`);
  }
}

// The runtimes without an installable Sentry SDK here: their apps use the capture layers in capture/.
const RUNTIMES = [
  { platform: "java", probe: "javac", packages: ["default-jdk-headless"] },
  { platform: "go", probe: "go", packages: ["golang-go"] },
  { platform: "ruby", probe: "ruby", packages: ["ruby"] },
  { platform: "php", probe: "php", packages: ["php-cli"] },
  // The browser app runs in Debian's Chromium, driven by playwright-core.
  { platform: "javascript", probe: "chromium", packages: ["chromium"] },
];

function ensureRuntimes(apps) {
  const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
  const missing = RUNTIMES.filter((r) => apps.some((app) => app.platform === r.platform) && !has(r.probe));
  if (missing.length === 0) return;
  const packages = missing.flatMap((r) => r.packages);
  log(`installing ${packages.join(", ")} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let install = spawnSync("apt-get", ["install", "-y", ...packages], { stdio: "inherit", env });
  if (install.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    install = spawnSync("apt-get", ["install", "-y", ...packages], { stdio: "inherit", env });
  }
  for (const r of missing) if (!has(r.probe)) throw new Error(`${r.probe} is missing and apt-get could not install ${r.packages.join(", ")}`);
}

// What a release uploads for Sentry's processing (a browser bundle and its source map), by app and version.
const artifactsFolder = (app, release) => path.join(root, ".artifacts", `${app.name}@${release.version}`);

function runApp(app, release, dsn) {
  const cwd = path.join(root, ".run", app.name);
  layOutRelease(path.join(root, "apps", app.name), cwd, release.id);
  const [command, ...args] = app.command;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        SENTRY_DSN: dsn,
        CORPUS_RELEASE: `${app.name}@${release.version}`,
        CORPUS_SEED: String(release.seed),
        CORPUS_ARTIFACTS: artifactsFolder(app, release),
        PYTHONDONTWRITEBYTECODE: "1",
        PYTHONPATH: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const summary = /CORPUS_CASES (\d+)/.exec(output);
      if (code !== 0 || !summary) reject(new Error(`${app.name}@${release.version} exited ${code}:\n${output.slice(-4000)}`));
      else resolve(Number(summary[1]));
    });
  });
}

async function main() {
  ensureDependencies();
  const apps = APPS.filter((app) => only.length === 0 || only.includes(app.name));
  ensureRuntimes(apps);
  fs.rmSync(path.join(root, ".capture"), { recursive: true, force: true });
  const runs = apps.flatMap((app) => app.releases.map((release) => ({ app, release })));
  const folderOf = (index) => path.join(root, ".capture", `${runs[index].app.name}@${runs[index].release.version}`);
  const capture = await startCaptureServer((projectId) => folderOf(projectId - 1));
  const expected = new Map();
  // Apps run two at a time; the two releases of one app run one after the other in the same folder.
  const queue = [...apps];
  const worker = async () => {
    for (let app = queue.shift(); app; app = queue.shift()) {
      for (const release of app.releases) {
        const index = runs.findIndex((r) => r.app === app && r.release === release);
        const t0 = Date.now();
        const cases = await runApp(app, release, capture.dsnFor(index + 1));
        expected.set(index, cases);
        log(`${app.name}@${release.version}: ${cases} cases in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  await capture.close();

  const bySplit = { train: { events: [], pairs: [] }, dev: { events: [], pairs: [] } };
  for (const app of apps) {
    const events = [];
    for (const release of app.releases) {
      const index = runs.findIndex((r) => r.app === app && r.release === release);
      const found = labeledEvents(folderOf(index), {
        app: app.name,
        release: `${app.name}@${release.version}`,
        split: app.split,
        // Sentry applies the uploaded source maps to a JavaScript event before storing it.
        processEvent: app.platform === "javascript" ? sourceMapProcessor(artifactsFolder(app, release)) : undefined,
        rewrites: [
          [path.join(root, "node_modules"), `${app.deployDir}/node_modules`],
          [path.join(root, ".run", app.name), app.deployDir],
        ],
      });
      if (found.unlabeled.length) log(`warning: ${app.name}@${release.version}: ${found.unlabeled.length} unlabeled events dropped`);
      if (found.events.length !== expected.get(index))
        log(`warning: ${app.name}@${release.version}: ${expected.get(index)} cases, ${found.events.length} events`);
      events.push(...found.events);
    }
    checkRootCauses(app, events);
    const pairs = samplePairs(events, { app: app.name, platform: app.platform });
    bySplit[app.split].events.push(...events);
    bySplit[app.split].pairs.push(...pairs);
    const causes = new Set(events.map((e) => e.corpus.root_cause));
    const entries = new Set(events.map((e) => e.corpus.entry_point));
    log(`${app.name} (${app.platform}, ${app.split}): ${events.length} events, ${causes.size} root causes, ${entries.size} entry points, ${pairs.length} pairs`);
  }
  for (const [split, { events, pairs }] of Object.entries(bySplit)) {
    if (events.length === 0) continue;
    const folder = path.join(root, "data", split);
    fs.mkdirSync(folder, { recursive: true });
    writeGzipLines(path.join(folder, "events.jsonl.gz"), events);
    writeGzipLines(path.join(folder, "pairs.jsonl.gz"), pairs);
    const kinds = {};
    for (const pair of pairs) kinds[pair.kind] = (kinds[pair.kind] ?? 0) + 1;
    log(`${split}: ${events.length} events, ${pairs.length} pairs ${JSON.stringify(kinds)} -> data/${split}/`);
  }
  log(`done in ${elapsed()}`);
}

/** Every event of one root cause must crash in the same app function: a label that does not is a bug here. */
function checkRootCauses(app, events) {
  const sites = new Map();
  for (const event of events) {
    // The crash site: the innermost app frame of the oldest exception in the chain that has one.
    let site;
    const values = Array.isArray(event.exception) ? event.exception : (event.exception?.values ?? []);
    for (const exception of values) {
      const frames = exception.stacktrace?.frames ?? [];
      site = [...frames].reverse().find((f) => f.in_app === true && !/node_modules|site-packages|dist-packages|^node:|^<|^\/usr\/lib/.test(f.abs_path ?? f.filename ?? ""));
      if (site) break;
    }
    // sentry-go puts the capture site's stack on a returned error: its errors are told apart by their chain.
    const key = app.platform === "go" && event.level !== "fatal" ? values.slice(0, 2).map((v) => v.type).join(" > ") : `${values[0]?.type} at ${site?.function ?? "?"}`;
    const set = sites.get(event.corpus.root_cause) ?? new Set();
    set.add(key);
    sites.set(event.corpus.root_cause, set);
  }
  for (const [cause, set] of sites)
    if (set.size > 1) log(`warning: ${app.name} ${cause} crashes at ${set.size} sites: ${[...set].join("; ")}`);
}

function writeGzipLines(file, rows) {
  const text = rows.map((row) => JSON.stringify(row)).join("\n") + "\n";
  fs.writeFileSync(file, zlib.gzipSync(text, { level: 9, mtime: 0 }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
