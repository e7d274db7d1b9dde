// `npm run demo`: installs what is missing, builds, then starts regroup with the demo dataset on PORT
// (default 3000). The server migrates the database and loads the demo data on first start; later runs reuse it.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild, ensureDependencies, ensurePrismaClient } from "./prepare.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

ensureDependencies();
ensurePrismaClient();
ensureBuild();

const child = spawn(
  process.execPath,
  [
    path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
    "--import",
    "./scripts/runtime/register.mjs",
    "scripts/serve.ts",
    "--demo",
  ],
  { cwd: root, stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env } },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
