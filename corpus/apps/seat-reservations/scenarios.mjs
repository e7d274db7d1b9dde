// Drives seat-reservations (Java) through its entry points: the API in the request thread, the async checkout
// (CompletableFuture on a pool, so a CompletionException wraps the cause) and seatsctl. Runs under Node; the app
// itself is Java. Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seededRandom } from "../../lib/random.mjs";

const random = seededRandom(Number(process.env.CORPUS_SEED ?? 1));
const OCCURRENCES = 3;
const seat = () => `${random.pick(["A", "B", "C"])}-${random.int(1, 30)}`;
const order = (overrides = {}) => ({
  venue: random.pick(["Stadthalle Nord", "Tempodrom"]),
  section: random.pick(["PARKETT", "RANG"]),
  seats: [seat()],
  quantity: 1,
  member: false,
  ...overrides,
});
const ticket = (overrides = {}) => ({
  venue: "Tempodrom", event: random.pick(["Lumen Quartet", "Night Tram", "Kollektiv 9"]), seat: seat(),
  doors: `2024-06-${String(random.int(10, 28)).padStart(2, "0")}T19:30:00`, gated: false, ...overrides,
});

const ROOT_CAUSES = [
  ["seat-label-suffix", "order", () => order({ seats: [seat(), `${random.pick(["A", "B"])}-${random.int(1, 30)}${random.pick(["a", "b"])}`] })],
  ["duplicate-seat", "order", () => { const s = seat(); return order({ seats: [s, seat(), s] }); }],
  ["unknown-section", "order", () => order({ section: random.pick(["BALKON", "STEHPLATZ", "VIP"]) })],
  ["sold-out-boxes", "order", () => order({ section: "LOGE" })],
  ["quantity-as-text", "order", () => order({ quantity: String(random.int(1, 4)) })],
  ["member-without-code", "order", () => order({ member: true })],
  ["price-list-decimal-comma", "import-prices", () => ({ text: `PARKETT=${random.int(50, 90)},00\nRANG=4900` })],
  ["venue-zone-typo", "ticket", () => ticket({ venue: "Halle Süd" })],
  ["gated-ticket-template", "ticket", () => ticket({ gated: true })],
  ["hold-expired", "confirm", () => ({ hold: `H-${random.int(1000, 9999)}`, expires: `2024-06-01T17:${String(random.int(10, 59))}:00Z` })],
  ["refund-below-fee", "refund", () => ({ paid: random.int(0, 3) * 100, fee: 450 })],
];

const server = spawn("java", ["-cp", "build", "com.tixly.seats.web.Main"], { stdio: ["pipe", "pipe", "inherit"] });
const port = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (chunk) => {
    out += chunk;
    const match = /PORT (\d+)/.exec(out);
    if (match) resolve(Number(match[1]));
  });
  server.on("exit", (code) => reject(new Error(`server exited ${code}`)));
});
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "seatsctl-"));
const script = [];
const post = async (route, trace, body) => {
  const response = await fetch(`http://127.0.0.1:${port}/api/${route}`, {
    method: "POST", headers: { "x-corpus-case": trace }, body: JSON.stringify(body),
  });
  await response.text();
};

let cases = 0;
for (const [cause, operation, payload] of ROOT_CAUSES) {
  const entries = [
    [`POST /api/${operation}`, (trace, p) => post(operation, trace, p)],
    [`POST /api/async/${operation}`, (trace, p) => post(`async/${operation}`, trace, p)],
    [`cli ${operation}`, (trace, p) => {
      const file = path.join(workdir, `payload-${script.length}.json`);
      fs.writeFileSync(file, JSON.stringify(p));
      script.push([trace, operation, file].join("\t"));
    }],
  ];
  for (const [entry, run] of entries)
    for (let n = 0; n < OCCURRENCES; n++) {
      await run(`${cause}|${entry}|${n}`, payload());
      cases++;
    }
}
server.stdin.end();
await new Promise((resolve) => server.on("exit", resolve));
fs.writeFileSync(path.join(workdir, "script.tsv"), script.join("\n") + "\n");
const cli = spawnSync("java", ["-cp", "build", "com.tixly.seats.cli.SeatsCli", "--script", path.join(workdir, "script.tsv")], { stdio: ["ignore", "ignore", "inherit"] });
if (cli.status !== 0) throw new Error("seatsctl failed");
console.log(`CORPUS_CASES ${cases}`);
