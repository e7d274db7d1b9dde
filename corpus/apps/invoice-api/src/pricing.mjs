import { LineItemsSchema, validate } from "./schemas.mjs";

export function parseLineItems(items) {
  return validate(LineItemsSchema, items);
}

export function subtotalOf(items) {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}

const TERMS_DAYS = /^net-(\w+)$/;

export function dueDateFor(issuedAt, terms) {
  const days = Number(TERMS_DAYS.exec(terms)?.[1]);
  const due = new Date(new Date(issuedAt).getTime() + days * 86_400_000);
  return due.toISOString().slice(0, 10);
}
