import Big from "big.js";

/** An amount of money from text, as the price feed, vouchers and gift cards send it ("12.95"). */
export function toMoney(text) {
  return new Big(String(text).trim());
}

export function splitEvenly(total, parts) {
  return toMoney(total).div(parts).round(2, Big.roundDown);
}

export function formatPrice(amount, currency) {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(Number(amount));
}
