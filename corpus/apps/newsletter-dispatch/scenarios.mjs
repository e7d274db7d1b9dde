// Drives newsletter-dispatch (PHP) through its entry points: the web endpoints (PHP's built-in server), the
// queue consumer with dead-lettering, the five-minute cron and the console. Runs under Node; the app is PHP.
// Environment: SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { seededRandom } from "../../lib/random.mjs";

const random = seededRandom(Number(process.env.CORPUS_SEED ?? 1));
const OCCURRENCES = 3;
const email = () => `${random.pick(["ada", "grace", "linus", "rosa"])}${random.int(1, 999)}@${random.pick(["gmail.com", "web.de", "posteo.de"])}`;
const compose = (overrides = {}, campaign = random.pick(["spring-sale", "weekly-digest"])) => ({ campaign, first_name: random.pick(["Ada", "Rosa", "Linus"]), overrides });

const ROOT_CAUSES = [
  ["subject-placeholder-missing", "compose", () => compose({ subject: "Hi %s, issue %d of %s is out" })],
  ["footer-percent-sign", "compose", () => compose({ footer: `Save ${random.int(10, 40)}% today - unsubscribe: %s` })],
  ["campaign-unknown", "compose", () => compose({}, random.pick(["black-friday", "spring_sale", "digest"]))],
  ["timezone-typo", "schedule", () => ({ at: `2024-06-${String(random.int(10, 28))} 09:00`, timezone: random.pick(["Europe/Berlim", "CET+1", "Europe/Pariss"]) })],
  ["segment-pattern-unclosed", "segment", () => ({ pattern: random.pick(["(gmail|web", "[a-z+@posteo", "^(ada"]), emails: [email(), email(), email()] })],
  ["template-cache-truncated", "restore-template", () => {
    const full = `a:1:{s:6:"blocks";a:2:{i:0;s:6:"header";i:1;s:${random.int(4, 9)}:"${"x".repeat(4)}";}}`;
    return { cached: full.slice(0, random.int(12, 30)) };
  }],
  ["bounce-without-diagnostic", "webhook", () => ({ body: JSON.stringify({ type: "bounce", email: email() }) })],
  ["webhook-body-truncated", "webhook", () => ({ body: JSON.stringify({ type: "bounce", email: email(), diagnostic: "550 5.1.1 user unknown" }).slice(0, random.int(10, 40)) })],
  ["throttle-zero-rate", "throttle", () => ({ recipients: random.int(100, 50000), per_minute: 0 })],
  ["subscription-unknown-action", "subscription", () => ({ action: random.pick(["pause", "snooze", "Unsubscribe"]), email: email() })],
  ["import-row-missing-column", "import", () => ({ csv: `email;first name;list\n${email()};Ada;main\n${email()};Rosa\n` })],
];

const port = await new Promise((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const server = spawn("php", ["-S", `127.0.0.1:${port}`, "web/index.php"], { stdio: "ignore" });
for (let i = 0; i < 100; i++) {
  const up = await new Promise((resolve) => net.connect(port, "127.0.0.1").on("connect", function () { this.end(); resolve(true); }).on("error", () => resolve(false)));
  if (up) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "newsletter-"));
const queue = [];
const cron = [];
const script = [];

let cases = 0;
for (const [cause, action, payload] of ROOT_CAUSES) {
  const entries = {
    [`POST /actions/${action}`]: async (trace, p) => {
      const response = await fetch(`http://127.0.0.1:${port}/actions/${action}`, { method: "POST", headers: { "x-corpus-case": trace }, body: JSON.stringify(p) });
      await response.text();
    },
    [`queue ${action}`]: (trace, p) => queue.push([trace, action, JSON.stringify(p)].join("\t")),
    [`cron ${action}`]: (trace, p) => cron.push({ trace, action, payload: p }),
    [`console ${action}`]: (trace, p) => {
      const file = path.join(workdir, `payload-${script.length}.json`);
      fs.writeFileSync(file, JSON.stringify(p));
      script.push([trace, action, file].join("\t"));
    },
  };
  for (const [entry, run] of Object.entries(entries))
    for (let n = 0; n < OCCURRENCES; n++) {
      await run(`${cause}|${entry}|${n}`, payload());
      cases++;
    }
}
server.kill();
fs.writeFileSync(path.join(workdir, "queue.tsv"), queue.join("\n") + "\n");
fs.writeFileSync(path.join(workdir, "cron.json"), JSON.stringify(cron));
fs.writeFileSync(path.join(workdir, "script.tsv"), script.join("\n") + "\n");
for (const args of [["bin/consume.php", path.join(workdir, "queue.tsv")], ["bin/cron.php", path.join(workdir, "cron.json")], ["bin/console.php", "--script", path.join(workdir, "script.tsv")]]) {
  const run = spawnSync("php", args, { stdio: ["ignore", "ignore", "inherit"] });
  if (run.status !== 0) throw new Error(`php ${args[0]} exited ${run.status}`);
}
console.log(`CORPUS_CASES ${cases}`);
