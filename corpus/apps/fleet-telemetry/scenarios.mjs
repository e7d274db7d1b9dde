// Drives fleet-telemetry through its entry points (the gateway's HTTP endpoint, bus consumers, the dead-letter
// cron with retries, the operator CLI). Run with `node --import ./instrument.mjs scenarios.mjs`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Sentry from "@sentry/node";
import { seededRandom } from "../../lib/random.mjs";
import { publish } from "./src/bus.mjs";
import { createGatewayServer } from "./src/gateway.mjs";
import { fleet } from "./src/pipeline.mjs";
import { reprocessDeadLetters } from "./src/scheduler.mjs";

const random = seededRandom(Number(process.env.CORPUS_SEED ?? 1));
const OCCURRENCES = 3;
const vid = () => `VH-${random.int(100, 999)}`;

fleet.zones = [
  { depot: "north", polygon: [[52.5, 13.3], [52.6, 13.3], [52.6, 13.5], [52.5, 13.5]] },
  { depot: "south", polygon: [[48.1, 11.5], [48.2, 11.5], [48.2, 11.6], [48.1, 11.6]] },
];
fleet.vehicles.set("VH-EAST", { depot: "east" });

const ping = (overrides = {}) =>
  JSON.stringify({ vid: vid(), ts: "2024-03-01T08:15:00Z", pos: [52.52, 13.4], spd: random.int(20, 90), ...overrides });
const tripLog = (rows) => `vehicle,litres,odo_start,odo_end\n${rows.join("\n")}\n`;
const canFrame = (bytes) => Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 37 + random.int(0, 9)) & 0xff)).toString("hex");
const shift = (overrides = {}) => ({
  start: Date.UTC(2024, 2, 1, 6),
  end: Date.UTC(2024, 2, 1, 14),
  drivers: [{ id: "d1", events: [{ kind: "harsh_brake" }, { kind: "speeding" }] }],
  ...overrides,
});

const ROOT_CAUSES = [
  ["trip-log-extra-column", "trip-log", () => tripLog([`${vid()},41.5,120300,120800`, `${vid()},38.2,88100,88530,late`])],
  ["fuel-receipt-stray-quote", "fuel", () => `station;litres;price\nAral Mitte;${random.int(30, 60)}.4;1.79\nShell "Nord;41.0;1.81\n`],
  ["ping-time-unparsable", "ping", () => ping({ ts: random.pick(["01/03/2024 08:15", "2024-03-01 8:15 AM", "yesterday"]) })],
  ["service-date-format", "service", () => [{ lastService: random.pick(["2024-01-15", "15/01/2024", "Jan 15 2024"]), intervalMonths: 6 }]],
  ["ping-speed-out-of-range", "ping", () => ping({ spd: random.pick([-5, 312, 999]) })],
  ["vehicle-bad-vin", "vehicle", () => ({ vin: random.pick(["WVWZZZ1JZXW00000I", "123", "WVW-ZZZ-1JZ-XW-000"]), plate: "B-FT 123", fuel: "diesel" })],
  ["trip-missing-odometer", "trip-log", () => tripLog([`${vid()},${random.int(20, 60)}.0,,`])],
  ["depot-without-zone", "ping", () => ping({ vid: "VH-EAST" })],
  ["driver-without-events", "shift", () => shift({ drivers: [{ id: "d1", events: [] }, { id: `d${random.int(2, 9)}` }] })],
  ["shift-ends-before-start", "shift", () => shift({ end: Date.UTC(2024, 2, 1, random.int(1, 5)) })],
  ["can-frame-truncated", "can", () => canFrame(random.int(6, 9))],
  ["gateway-truncated-json", "ping", () => ping().slice(0, random.int(20, 40))],
  ["eta-unknown-segment", "eta", () => ({ segments: [{ id: "A1-north", km: 40 }, { id: random.pick(["B96-bypass", "tunnel-7", "ring-south"]), km: 12 }] })],
];

const gateway = createGatewayServer().listen(0, "127.0.0.1");
await new Promise((resolve) => gateway.once("listening", resolve));
const base = `http://127.0.0.1:${gateway.address().port}`;
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "fleetctl-"));
const cliScript = [];
const deadLetters = [];

const ENTRY_POINTS = {
  "POST /v1/ingest/:kind": async (kind, payload, trace) => {
    const body = typeof payload === "string" ? payload : JSON.stringify(payload);
    const response = await fetch(`${base}/v1/ingest/${kind}`, { method: "POST", headers: { "x-corpus-case": trace }, body });
    await response.text();
  },
  "consumer telemetry.*": (kind, payload, trace) => publish(`telemetry.${kind}`, payload, { trace }),
  "cron reprocess-dead-letters": (kind, payload, trace) =>
    deadLetters.push({ id: `dl_${random.int(1000, 9999)}`, kind, payload, trace }),
  "cli replay": (kind, payload, trace) => {
    const file = path.join(workdir, `${cliScript.length}.payload`);
    fs.writeFileSync(file, typeof payload === "string" ? payload : JSON.stringify(payload));
    cliScript.push({ argv: ["replay", kind, file], trace });
  },
};

let cases = 0;
for (const [cause, kind, trigger] of ROOT_CAUSES) {
  for (const [entry, run] of Object.entries(ENTRY_POINTS)) {
    for (let n = 0; n < OCCURRENCES; n++) {
      await run(kind, trigger(), `${cause}|${entry}|${n}`);
      cases++;
    }
  }
}
await reprocessDeadLetters(deadLetters);
gateway.close();

const scriptFile = path.join(workdir, "script.json");
fs.writeFileSync(scriptFile, JSON.stringify(cliScript));
const cli = spawnSync(process.execPath, ["--import", "./instrument.mjs", "fleetctl.mjs", "--script", scriptFile], { stdio: "inherit" });
if (cli.status !== 0) throw new Error(`fleetctl exited ${cli.status}`);
fs.rmSync(workdir, { recursive: true, force: true });
await Sentry.flush(10_000);
console.log(`CORPUS_CASES ${cases}`);
