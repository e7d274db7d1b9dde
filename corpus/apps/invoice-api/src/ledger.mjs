export function roundForLedger(amount, precision) {
  return Number(amount.toFixed(precision));
}

function ledgerLine(invoice, currencyPrecision) {
  const precision = currencyPrecision[invoice.currency] ?? 2;
  return {
    invoice: invoice.id,
    account: invoice.account,
    net: roundForLedger(invoice.net, precision),
    tax: roundForLedger(invoice.tax, precision),
    sequence: invoice.sequence,
  };
}

export function serializeLedger(lines) {
  return JSON.stringify({ version: 3, lines });
}

export function exportLedger(invoices, currencyPrecision) {
  const lines = invoices.map((invoice) => ledgerLine(invoice, currencyPrecision));
  return serializeLedger(lines);
}
