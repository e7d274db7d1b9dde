const RATES = {
  EUR: { EUR: 1, USD: 1.08, GBP: 0.86 },
  USD: { USD: 1, EUR: 0.93, GBP: 0.79 },
  GBP: { GBP: 1, EUR: 1.16, USD: 1.27 },
};

export function convertAmount(amount, from, to) {
  const rate = RATES[from]?.[to];
  if (rate === undefined) throw new Error(`No exchange rate for ${from}->${to}`);
  return Math.round(amount * rate * 100) / 100;
}

export function formatMoney(amount, currency, locale = "en-GB") {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount);
}
