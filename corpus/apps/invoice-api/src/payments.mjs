import { validate, WebhookSchema } from "./schemas.mjs";

export function parseWebhook(body) {
  return validate(WebhookSchema, body);
}

// Credit notes may point at an earlier note that they amend; the allocation follows that chain.
function allocateCredit(notes, noteId, remaining) {
  const note = notes[noteId];
  if (!note || remaining <= 0) return remaining;
  const used = Math.min(note.amount, remaining);
  return allocateCredit(notes, note.amends, remaining - used + (note.amends ? used : 0));
}

export function applyPayment(event, account) {
  const payment = parseWebhook(event);
  const outstanding = allocateCredit(account.creditNotes, account.latestCreditNote, payment.amount);
  return { invoiceId: payment.invoiceId, applied: payment.amount - outstanding, outstanding };
}
