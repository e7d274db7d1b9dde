import * as Sentry from "@sentry/node";
import { buildInvoice, finalizeInvoice, renderInvoice } from "./invoices.mjs";
import { exportLedger } from "./ledger.mjs";
import { applyPayment } from "./payments.mjs";
import { accounts, invoices, ledgerPeriods } from "./store.mjs";

export class JobFailedError extends Error {
  constructor(job, attempts, cause) {
    super(`job ${job.name} (${job.id}) failed after ${attempts} attempts`, { cause });
    this.name = "JobFailedError";
  }
}

const HANDLERS = {
  "recompute-invoices": async (payload) => {
    for (const draft of payload.drafts) invoices.set(draft.id, buildInvoice(draft));
  },
  "send-invoices": async (payload) => {
    for (const id of payload.invoiceIds) {
      const invoice = invoices.get(id);
      const document = renderInvoice(invoice);
      invoices.set(id, { ...finalizeInvoice(invoice), document });
    }
  },
  "nightly-ledger": async (payload) => {
    const period = ledgerPeriods.get(payload.period);
    return exportLedger(period.invoices, period.precision);
  },
  "payment-sync": async (payload) => {
    for (const event of payload.events) applyPayment(event, accounts.get(payload.accountId));
  },
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetries(job, attempts, run) {
  let last;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await run();
    } catch (error) {
      last = error;
      await sleep(attempt);
    }
  }
  throw new JobFailedError(job, attempts, last);
}

async function runJob(job) {
  const handler = HANDLERS[job.name];
  await withRetries(job, job.retries ?? 2, () => handler(job.payload));
}

/** Runs a queued job on the next tick of the event loop; failures are reported, not thrown. */
export function enqueue(job) {
  return new Promise((resolve) => {
    setTimeout(() => {
      Sentry.withIsolationScope(async (scope) => {
        if (job.meta?.trace) scope.setTag("corpus_case", job.meta.trace);
        scope.setTag("job", job.name);
        try {
          await runJob(job);
        } catch (error) {
          Sentry.captureException(error);
        }
        resolve();
      });
    }, 0);
  });
}
