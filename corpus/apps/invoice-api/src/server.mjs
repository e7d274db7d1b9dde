import * as Sentry from "@sentry/node";
import express from "express";
import { buildInvoice, finalizeInvoice, renderInvoice } from "./invoices.mjs";
import { exportLedger } from "./ledger.mjs";
import { applyPayment } from "./payments.mjs";
import { accounts, invoices, ledgerPeriods, requireInvoice } from "./store.mjs";

function requestContext(req, _res, next) {
  req.requestId = req.get("x-request-id") ?? "local";
  const trace = req.get("x-corpus-case");
  if (trace) Sentry.setTag("corpus_case", trace);
  next();
}

export function createApp() {
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.use(requestContext);

  app.post("/invoices", (req, res) => {
    const invoice = buildInvoice(req.body);
    invoices.set(invoice.id, invoice);
    res.status(201).json(invoice);
  });

  app.post("/invoices/batch", (req, res) => {
    const results = req.body.drafts.map((draft) => {
      try {
        const invoice = buildInvoice(draft);
        invoices.set(invoice.id, invoice);
        return { id: draft.id, ok: true };
      } catch (error) {
        Sentry.captureException(error);
        return { id: draft.id, ok: false };
      }
    });
    res.status(207).json({ results });
  });

  app.get("/invoices/:id/render", async (req, res) => {
    const invoice = requireInvoice(req.params.id);
    res.json(await Promise.resolve(invoice).then(renderInvoice));
  });

  app.post("/invoices/:id/finalize", (req, res) => {
    const invoice = finalizeInvoice(requireInvoice(req.params.id));
    invoices.set(invoice.id, invoice);
    res.json(invoice);
  });

  app.get("/ledger/:period/export", async (req, res) => {
    const period = ledgerPeriods.get(req.params.period);
    const body = exportLedger(period.invoices, period.precision);
    res.type("application/json").send(body);
  });

  app.post("/webhooks/payments", (req, res) => {
    const account = accounts.get(req.get("x-account-id"));
    res.json(applyPayment(req.body, account));
  });

  Sentry.setupExpressErrorHandler(app);
  app.use((error, _req, res, _next) => {
    res.status(error.status ?? 500).json({ error: error.message });
  });
  return app;
}
