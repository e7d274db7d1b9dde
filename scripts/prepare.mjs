// Brings a checkout to a runnable state, doing only what is missing or stale: installs the npm dependencies,
// generates the Prisma client, builds the Next.js app. Plain Node.js (no dependencies), so that it works
// before `npm install` ever ran.  Flags: --generate-only, --no-build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const at = (...parts) => path.join(root, ...parts);

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    process.stderr.write(
      `regroup: \`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal}).\n`,
    );
    process.exit(result.status ?? 1);
  }
}

/** A digest of the given files' and directories' paths, sizes and modification times. */
function sourceDigest(entries) {
  const hash = createHash("sha256");
  const visit = (relative) => {
    const full = at(relative);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) visit(path.join(relative, name));
    } else {
      hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  entries.forEach(visit);
  return hash.digest("hex");
}

function stale(stampFile, digest) {
  return !fs.existsSync(stampFile) || fs.readFileSync(stampFile, "utf8") !== digest;
}

export function ensureDependencies() {
  const installed = at("node_modules", ".package-lock.json");
  const lock = at("package-lock.json");
  if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log("regroup: installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"], { ONNXRUNTIME_NODE_INSTALL: "skip" });
}

export function ensurePrismaClient() {
  const stamp = at("server", "db", "generated", ".schema-digest");
  const digest = createHash("sha256")
    .update(fs.readFileSync(at("prisma", "schema.prisma")))
    .digest("hex");
  if (!stale(stamp, digest) && fs.existsSync(at("server", "db", "generated", "client.ts"))) return;
  // The schema engine cannot be downloaded here and `generate` does not need it (see shared/STACK.md).
  run(process.execPath, [at("node_modules", "prisma", "build", "index.js"), "generate"], {
    PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  });
  fs.writeFileSync(stamp, digest);
}

const buildInputs = [
  "app",
  "components",
  "engine",
  "lib",
  "server",
  "public",
  "models",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

export function ensureBuild() {
  const stamp = at(".next", "regroup-source-digest");
  const digest = sourceDigest(buildInputs);
  if (!stale(stamp, digest) && fs.existsSync(at(".next", "BUILD_ID"))) return;
  console.log("regroup: building the app (next build)…");
  run(process.execPath, [at("node_modules", "next", "dist", "bin", "next"), "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  fs.writeFileSync(stamp, digest);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { "generate-only": { type: "boolean", default: false }, "no-build": { type: "boolean", default: false } },
  });
  if (!values["generate-only"]) ensureDependencies();
  ensurePrismaClient();
  if (!values["generate-only"] && !values["no-build"]) ensureBuild();
}
