/**
 * `npm run bench -- <name> [args]`: runs the benchmark scripts/bench/<name>.ts, which prints its numbers.
 * Compare variants as ratios measured in one run; these machines are shared, so absolute figures vary.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "bench");
const available = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => file.replace(/\.ts$/, ""))
  .sort();
const [name, ...args] = process.argv.slice(2);

if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${available.join("|")}> [args]\n`);
  process.exit(name ? 2 : 0);
}
const bench = (await import(path.join(dir, `${name}.ts`))) as { run(args: string[]): Promise<void> };
await bench.run(args);
