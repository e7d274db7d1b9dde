// Drives invoice-api through its real entry points with inputs that trigger each root cause, and counts the
// cases. Run with `node --import ./instrument.mjs scenarios.mjs` (SENTRY_DSN, CORPUS_RELEASE, CORPUS_SEED).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as Sentry from "@sentry/node";
import { seededRandom } from "../../lib/random.mjs";
import { enqueue } from "./src/jobs.mjs";
import { createApp } from "./src/server.mjs";
import { accounts, invoices, ledgerPeriods } from "./src/store.mjs";

const random = seededRandom(Number(process.env.CORPUS_SEED ?? 1));
const OCCURRENCES = 3;
const id = (prefix) => `${prefix}_${random.int(10000, 99999)}`;

function customer(overrides = {}) {
  return {
    id: id("cus"),
    name: random.pick([" Acme GmbH", "Globex Ltd ", "Initech BV", "Umbrella SAS"]),
    tier: "enterprise",
    currency: "EUR",
    paymentTerms: "net-30",
    contract: { discountPct: random.int(2, 15) },
    address: { line1: "1 Main St", city: "Berlin", postalCode: "10115", country: random.pick(["DE", "FR", "NL"]) },
    ...overrides,
  };
}

function draft(overrides = {}, customerOverrides = {}) {
  return {
    id: id("inv"),
    issuedAt: "2024-03-01T00:00:00Z",
    priceCurrency: "EUR",
    category: random.pick(["software", "books", "services"]),
    items: [
      { sku: "SKU-100", description: "Platform licence", quantity: random.int(1, 20), unitPrice: 49 },
      { sku: "SKU-200", description: "Support hours", quantity: random.int(1, 5), unitPrice: 120 },
    ],
    customer: customer(customerOverrides),
    ...overrides,
  };
}

function invoice(overrides = {}) {
  return {
    id: id("inv"),
    status: "draft",
    currency: "EUR",
    locale: "en-GB",
    items: [{ sku: "SKU-100", description: "Platform licence", quantity: 3, unitPrice: 49 }],
    net: 147,
    tax: 27.93,
    total: 174.93,
    ...overrides,
  };
}

function period(overrides = {}) {
  return {
    precision: { EUR: 2, USD: 2, JPY: 0 },
    invoices: [1, 2, 3].map((n) => ({ id: id("inv"), account: "4000", currency: "EUR", net: 100 + n, tax: 19, sequence: n })),
    ...overrides,
  };
}

function cyclicAccount() {
  const a = id("cn");
  const b = id("cn");
  return {
    latestCreditNote: a,
    creditNotes: { [a]: { amount: random.int(5, 50), amends: b }, [b]: { amount: random.int(5, 50), amends: a } },
  };
}

// Each root cause: which operation it breaks and the input that triggers it.
const ROOT_CAUSES = [
  ["negative-quantity", "build", () => draft({ items: [{ sku: "SKU-100", description: "Seats", quantity: -random.int(1, 9), unitPrice: 49 }] })],
  ["postcode-missing", "build", () => draft({}, { address: { line1: "5 Rue Neuve", city: "Lyon", country: "FR" } })],
  ["unknown-tax-country", "build", () => draft({}, { address: { line1: "9 King St", city: "Oslo", postalCode: "0150", country: random.pick(["NO", "CH", "IS"]) } })],
  ["contract-missing", "build", () => draft({}, { tier: "partner", contract: undefined })],
  ["missing-fx-rate", "build", () => draft({ priceCurrency: random.pick(["JPY", "CHF"]) })],
  ["unparsable-terms", "build", () => draft({}, { paymentTerms: random.pick(["net-thirty", "net-eom", "net-x"]) })],
  ["invalid-currency-code", "render", () => invoice({ currency: random.pick(["EURO", "US$", "eur1"]) })],
  ["unsupported-locale", "render", () => invoice({ locale: random.pick(["fr-FR", "nl-NL", "es-ES"]) })],
  ["bad-ledger-precision", "ledger", () => period({ precision: { EUR: random.pick([101, 120, -1]) } })],
  ["bigint-sequence", "ledger", () => period({ bigint: true })],
  ["finalize-paid-invoice", "finalize", () => invoice({ status: random.pick(["paid", "void", "refunded"]) })],
  ["unknown-webhook-type", "payment", () => ({ event: { type: random.pick(["payment.disputed", "charge.updated"]), invoiceId: id("inv"), amount: 10, currency: "EUR" }, account: { creditNotes: {}, latestCreditNote: null } })],
  ["cyclic-credit-notes", "payment", () => ({ event: { type: "payment.succeeded", invoiceId: id("inv"), amount: random.int(100, 900), currency: "EUR" }, account: cyclicAccount() })],
];

const withBigInts = (p) =>
  p.bigint ? { ...p, invoices: p.invoices.map((i) => ({ ...i, sequence: BigInt(i.sequence) })) } : p;

let base;
const post = (url, body, trace, headers = {}) =>
  fetch(`${base}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-corpus-case": trace, ...headers },
    body: JSON.stringify(body),
  });
const get = (url, trace) => fetch(`${base}${url}`, { headers: { "x-corpus-case": trace } });

// Entry points of each operation: HTTP routes, the batch route, queued jobs (with retries that chain the
// error) and the operator CLI (collected here, run in one CLI process at the end).
const cliScript = [];
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "invoice-cli-"));
const cliFile = (value) => {
  const file = path.join(workdir, `${cliScript.length}.json`);
  fs.writeFileSync(file, JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
  return file;
};

const ENTRY_POINTS = {
  build: {
    "POST /invoices": (input, trace) => post("/invoices", input, trace),
    "POST /invoices/batch": (input, trace) => post("/invoices/batch", { drafts: [draft(), input] }, trace),
    "job recompute-invoices": (input, trace) => enqueue({ id: id("job"), name: "recompute-invoices", payload: { drafts: [input] }, meta: { trace } }),
    "cli create": (input, trace) => cliScript.push({ argv: ["create", cliFile(input)], trace }),
  },
  render: {
    "GET /invoices/:id/render": (input, trace) => (invoices.set(input.id, input), get(`/invoices/${input.id}/render`, trace)),
    "job send-invoices": (input, trace) => (invoices.set(input.id, input), enqueue({ id: id("job"), name: "send-invoices", payload: { invoiceIds: [input.id] }, meta: { trace } })),
    "cli render": (input, trace) => cliScript.push({ argv: ["render", cliFile(input)], trace }),
  },
  ledger: {
    "GET /ledger/:period/export": (input, trace) => (ledgerPeriods.set("2024-03", withBigInts(input)), get("/ledger/2024-03/export", trace)),
    "job nightly-ledger": (input, trace) => (ledgerPeriods.set("2024-02", withBigInts(input)), enqueue({ id: id("job"), name: "nightly-ledger", payload: { period: "2024-02" }, meta: { trace }, retries: 3 })),
    "cli export": (input, trace) =>
      // The CLI reads sequences as the database driver returns them for BIGINT columns: strings it turns into BigInt.
      cliScript.push({
        argv: ["export", cliFile(input.bigint ? { ...input, invoices: input.invoices.map((i) => ({ ...i, sequence: String(i.sequence) })) } : input)],
        trace,
      }),
  },
  finalize: {
    "POST /invoices/:id/finalize": (input, trace) => (invoices.set(input.id, input), post(`/invoices/${input.id}/finalize`, {}, trace)),
    "job send-invoices": (input, trace) => (invoices.set(input.id, input), enqueue({ id: id("job"), name: "send-invoices", payload: { invoiceIds: [input.id] }, meta: { trace } })),
    "cli finalize": (input, trace) => cliScript.push({ argv: ["finalize", cliFile(input)], trace }),
  },
  payment: {
    "POST /webhooks/payments": (input, trace) => (accounts.set("acct_1", input.account), post("/webhooks/payments", input.event, trace, { "x-account-id": "acct_1" })),
    "job payment-sync": (input, trace) => (accounts.set("acct_2", input.account), enqueue({ id: id("job"), name: "payment-sync", payload: { accountId: "acct_2", events: [input.event] }, meta: { trace } })),
    "cli replay-webhook": (input, trace) => cliScript.push({ argv: ["replay-webhook", cliFile(input)], trace }),
  },
};

const server = createApp().listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
base = `http://127.0.0.1:${server.address().port}`;

let cases = 0;
for (const [cause, operation, trigger] of ROOT_CAUSES) {
  for (const [entry, run] of Object.entries(ENTRY_POINTS[operation])) {
    for (let n = 0; n < OCCURRENCES; n++) {
      const response = await run(trigger(), `${cause}|${entry}|${n}`);
      if (response?.body) await response.text();
      cases++;
    }
  }
}
server.close();

const scriptFile = path.join(workdir, "script.json");
fs.writeFileSync(scriptFile, JSON.stringify(cliScript));
const cli = spawnSync(process.execPath, ["--import", "./instrument.mjs", "cli.mjs", "--script", scriptFile], { stdio: "inherit" });
if (cli.status !== 0) throw new Error(`invoice-cli exited ${cli.status}`);
fs.rmSync(workdir, { recursive: true, force: true });
await Sentry.flush(10_000);
console.log(`CORPUS_CASES ${cases}`);
