// The service's in-memory repository (a database in production).
export const invoices = new Map();
export const accounts = new Map();
export const ledgerPeriods = new Map();

export function requireInvoice(id) {
  const invoice = invoices.get(id);
  if (!invoice) throw Object.assign(new Error(`invoice ${id} not found`), { status: 404 });
  return invoice;
}
