// Drives the nursery storefront in Chromium through its entry points (a click handler, the checkout form's async
// submit, a fetch().then chain, setTimeout and requestAnimationFrame callbacks, the offline queue's retries).
// Run with `node scenarios.mjs` from the release folder; the bundle is built and uploaded first.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { seededRandom } from "../../lib/random.mjs";
import { buildAndUpload } from "./bundle.mjs";

const ORIGIN = "https://shop.fernhollow-nursery.example";
const OCCURRENCES = 2;
const cwd = process.cwd();
const corpusRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const random = seededRandom(Number(process.env.CORPUS_SEED ?? 1));
const release = process.env.CORPUS_RELEASE;

const categories = (cycle) => ({
  plants: { name: "Plants", parent: cycle ? "outdoor" : null },
  outdoor: { name: "Outdoor", parent: "plants" },
  trees: { name: "Trees", parent: "outdoor" },
});

const ROOT_CAUSES = [
  ["voucher-amount-comma", "voucher", () => ({ code: `SPRING${random.int(10, 30)}`, amount: random.pick(["5,00", "7,50", "10,00"]) })],
  ["gift-card-balance-text", "gift-card", () => ({ number: `6037${random.int(1000, 9999)}`, balance: random.pick(["twenty", "£20", "n/a"]) })],
  ["price-feed-decimal-comma", "price-feed", () => [{ sku: "FH-1001", price: "24.50" }, { sku: "FH-1003", price: random.pick(["79,00", "12,95", "8,5"]) }]],
  ["split-payment-no-payers", "split-payment", () => ({ total: `${random.int(20, 90)}.50`, payers: 0 })],
  ["postcode-missing", "address", () => ({ name: "A. Gardener", street: `${random.int(1, 99)} Mill Lane`, city: "Hebden Bridge" })],
  ["basket-quantity-zero", "basket-line", () => ({ sku: random.pick(["FH-1001", "FH-1002"]), quantity: 0 })],
  ["delivery-note-too-long", "delivery-note", () => ({ note: "Please leave by the greenhouse. ".repeat(random.int(5, 8)), leaveWithNeighbour: false })],
  ["delivery-slot-unparsable", "slot", () => ({ start: random.pick(["Tue 9-12", "2024-05-14 morning", "tomorrow"]), window: "09:00-12:00" })],
  ["order-date-us-format", "order-history", () => [{ id: "FH-88120", placedAt: "2024-03-02T10:00:00Z", total: "24.50" }, { id: `FH-${random.int(88121, 88999)}`, placedAt: random.pick(["03/14/2024", "12/01/2023"]), total: "18.00" }]],
  ["plant-without-care-guide", "care", () => ({ name: random.pick(["Fern trio", "Air plant bundle"]), price: "15.75" })],
  ["basket-unknown-sku", "add-to-basket", () => ({ sku: `FH-${random.int(2000, 2999)}`, quantity: random.int(1, 3) })],
  ["unsupported-currency", "price-display", () => ({ amount: "24.50", currency: random.pick(["EURO", "POUND", "GB"]) })],
  ["inventory-feed-truncated", "inventory", () => JSON.stringify({ items: [{ sku: "FH-1001", stock: random.int(1, 9) }, { sku: "FH-1002", stock: 0 }] }).slice(0, random.int(20, 40))],
  ["category-tree-cycle", "categories", () => ({ categories: categories(true), id: random.pick(["trees", "outdoor"]) })],
];

// Each entry point is one way a shopper's change reaches the app; the page queues the change first.
const ENTRY_POINTS = {
  "click apply": (page) => page.click("#apply"),
  "submit checkout": (page) => page.click("#place-order"),
  "fetch refresh": (page) => page.click("#refresh"),
  "setTimeout autosave": (page) => page.click("#save-for-later"),
  "requestAnimationFrame preview": (page) => page.click("#preview-basket"),
  "online offline-queue": async (page, context) => {
    await context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await context.setOffline(false);
  },
};

await buildAndUpload({ cwd, corpusModules: path.join(corpusRoot, "node_modules"), origin: ORIGIN, artifactsFolder: process.env.CORPUS_ARTIFACTS });
const html = fs
  .readFileSync(path.join(cwd, "index.html"), "utf8")
  .replace("%SENTRY_DSN%", process.env.SENTRY_DSN)
  .replace("%RELEASE%", release);
const bundle = fs.readFileSync(path.join(cwd, "assets", "app.min.js"));

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
// The page is on a public origin and the capture server on loopback: the shopper has allowed local network access.
const context = await browser.newContext({ permissions: ["local-network-access"] });
const page = await context.newPage();
let serverAction;
// The shop's origin is served from here; the SDK's envelopes go to the real capture server.
await page.route(`${ORIGIN}/**`, (route) => {
  const { pathname } = new URL(route.request().url());
  if (pathname === "/") return route.fulfill({ contentType: "text/html", body: html });
  if (pathname === "/assets/app.min.js") return route.fulfill({ contentType: "text/javascript", body: bundle });
  if (pathname === "/api/basket/pending") return route.fulfill({ contentType: "application/json", body: JSON.stringify(serverAction) });
  if (pathname === "/api/checkout/draft") return route.fulfill({ status: 204 });
  return route.fulfill({ status: 404 });
});
await page.goto(`${ORIGIN}/`);
await page.waitForFunction(() => window.fernhollowSupport !== undefined);

const envelopeOf = (trace) => (request) =>
  request.method() === "POST" && request.url().includes("/envelope/") && (request.postData() ?? "").includes(trace);

let cases = 0;
for (const [cause, kind, trigger] of ROOT_CAUSES) {
  for (const [entry, run] of Object.entries(ENTRY_POINTS)) {
    for (let n = 0; n < OCCURRENCES; n++) {
      const trace = `${cause}|${entry}|${n}`;
      const action = { kind, payload: trigger() };
      serverAction = action;
      const sent = page.waitForRequest(envelopeOf(trace), { timeout: 15_000 });
      await page.evaluate(([a, t]) => window.fernhollowSupport.stage(a, t), [action, trace]);
      await run(page, context);
      const request = await sent.catch((error) => {
        throw new Error(`${trace}: no event reached the capture server (${error.message})`);
      });
      if (!(await request.response())) throw new Error(`${trace}: the envelope was not delivered (${request.failure()?.errorText})`);
      cases++;
    }
  }
}
await browser.close();
console.log(`CORPUS_CASES ${cases}`);
