// invoice-cli: operator commands. `node cli.mjs create draft.json`, `render invoice.json`, `finalize invoice.json`,
// `export period.json`, `replay-webhook webhook.json`; `--script commands.json` runs a list of them in order.
import fs from "node:fs";
import * as Sentry from "@sentry/node";
import { buildInvoice, finalizeInvoice, renderInvoice } from "./src/invoices.mjs";
import { exportLedger } from "./src/ledger.mjs";
import { applyPayment } from "./src/payments.mjs";

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

const COMMANDS = {
  create: (file) => console.log(JSON.stringify(buildInvoice(readJson(file))).length),
  render: (file) => renderInvoice(readJson(file)),
  finalize: (file) => finalizeInvoice(readJson(file)),
  export: (file) => {
    const period = readJson(file);
    const precision = period.precision;
    for (const invoice of period.invoices) if (typeof invoice.sequence === "string") invoice.sequence = BigInt(invoice.sequence);
    return exportLedger(period.invoices, precision);
  },
  "replay-webhook": (file) => {
    const { event, account } = readJson(file);
    return applyPayment(event, account);
  },
};

async function main(argv) {
  const [command, file] = argv;
  const run = COMMANDS[command];
  if (!run) throw new Error(`unknown command ${command}`);
  await run(file);
}

if (process.argv[2] === "--script") {
  for (const { argv, trace } of readJson(process.argv[3])) {
    await Sentry.withScope(async (scope) => {
      scope.setTag("corpus_case", trace);
      try {
        await main(argv);
      } catch (error) {
        Sentry.captureException(error);
      }
    });
  }
} else {
  await main(process.argv.slice(2));
}
await Sentry.flush(10_000);
