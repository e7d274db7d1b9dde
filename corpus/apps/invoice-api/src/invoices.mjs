import { convertAmount, formatMoney } from "./currency.mjs";
import { applyContractDiscount, normalizeCustomer } from "./customers.mjs";
import { dueDateFor, parseLineItems, subtotalOf } from "./pricing.mjs";
import { taxFor } from "./tax.mjs";

export class InvalidTransitionError extends Error {
  constructor(invoice, to) {
    super(`Invoice ${invoice.id} cannot go from ${invoice.status} to ${to}`);
    this.name = "InvalidTransitionError";
  }
}

const TRANSITIONS = { draft: ["open", "void"], open: ["paid", "void"], paid: ["refunded"], void: [], refunded: [] };

export function buildInvoice(draft) {
  const customer = normalizeCustomer(draft.customer);
  const items = parseLineItems(draft.items);
  const discounted = applyContractDiscount(customer, subtotalOf(items));
  const net = convertAmount(discounted, draft.priceCurrency, customer.currency);
  const tax = taxFor(net, customer.address, draft.category);
  return {
    id: draft.id,
    status: "draft",
    customer,
    items,
    currency: customer.currency,
    net,
    tax,
    total: net + tax,
    dueDate: dueDateFor(draft.issuedAt, customer.paymentTerms),
  };
}

const LOCALE_NOTES = {
  "en-GB": { footer: "Thank you for your business.", reverseCharge: "Reverse charge applies." },
  "de-DE": { footer: "Vielen Dank für Ihren Auftrag.", reverseCharge: "Steuerschuldnerschaft des Leistungsempfängers." },
};

function renderNotes(invoice) {
  const notes = LOCALE_NOTES[invoice.locale];
  return invoice.reverseCharge ? `${notes.reverseCharge}\n${notes.footer}` : notes.footer;
}

export function renderInvoice(invoice) {
  const lines = invoice.items.map(
    (item) => `${item.description.padEnd(30)} ${item.quantity} x ${formatMoney(item.unitPrice, invoice.currency, invoice.locale)}`,
  );
  return {
    id: invoice.id,
    lines,
    total: formatMoney(invoice.total, invoice.currency, invoice.locale),
    notes: renderNotes(invoice),
  };
}

export function assertTransition(invoice, to) {
  if (!TRANSITIONS[invoice.status]?.includes(to)) throw new InvalidTransitionError(invoice, to);
}

export function finalizeInvoice(invoice) {
  assertTransition(invoice, "open");
  return { ...invoice, status: "open", finalizedAt: new Date(0).toISOString() };
}
