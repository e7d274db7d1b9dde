import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { parseEvent } from "@/engine/event/schema";
import { fingerprintEvent } from "@/engine/fingerprinting";
import type { FingerprintRule } from "@/engine/fingerprinting";

// `npm run --silent fingerprint -- <file-or-directory>`: one JSON line per input event with every
// variant's hash. A top-level `_fingerprinting_rules` array is applied as the project's server-side
// fingerprint rules and `_grouping.enhancements` as its stack trace rules.

function inputFiles(target: string): string[] {
  if (statSync(target).isDirectory()) {
    return readdirSync(target)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => join(target, f));
  }
  return [target];
}

function fingerprintFile(path: string): string {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    return JSON.stringify({ file, error: `invalid JSON: ${(e as Error).message}` });
  }
  const parsed = parseEvent(raw);
  if (!parsed.ok) return JSON.stringify({ file, error: "invalid event", issues: parsed.issues });
  const extras = raw as { _fingerprinting_rules?: FingerprintRule[]; _grouping?: { enhancements?: string } };
  try {
    const result = fingerprintEvent(parsed.event, {
      ...(extras._grouping?.enhancements ? { enhancements: extras._grouping.enhancements } : {}),
      ...(Array.isArray(extras._fingerprinting_rules) ? { fingerprintingRules: extras._fingerprinting_rules } : {}),
    });
    const variants: Record<string, { hash: string | null; values?: string[] }> = {};
    for (const [name, v] of Object.entries(result.variants)) {
      variants[name] = v.values ? { hash: v.hash, values: v.values } : { hash: v.hash };
    }
    return JSON.stringify({ file, variants, hashes: result.hashes });
  } catch (e) {
    return JSON.stringify({ file, error: (e as Error).message });
  }
}

const target = parseArgs({ allowPositionals: true }).positionals[0];
if (!target) {
  console.error("usage: npm run --silent fingerprint -- <file-or-directory>");
  process.exit(2);
}
// Piping into `head` closes stdout early; that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
let failed = false;
for (const path of inputFiles(target)) {
  const line = fingerprintFile(path);
  if (line.includes('"error":')) failed = true;
  process.stdout.write(`${line}\n`);
}
process.exitCode = failed ? 1 : 0;
