import { createStore } from "zustand/vanilla";
import { catalog } from "./catalog.mjs";
import { toMoney } from "./money.mjs";

export const basketStore = createStore(() => ({ lines: [], discount: "0", giftCard: "0" }));

export function addToBasket(sku, quantity) {
  basketStore.setState((state) => ({
    lines: [...state.lines, { sku, quantity, unitPrice: catalog.get(sku).price }],
  }));
}

export function basketSubtotal() {
  return basketStore.getState().lines.reduce((sum, line) => sum.plus(toMoney(line.unitPrice).times(line.quantity)), toMoney("0"));
}

export function applyVoucher(voucher) {
  const discount = toMoney(voucher.amount);
  basketStore.setState({ discount: discount.toString() });
  return basketSubtotal().minus(discount);
}

export function redeemGiftCard(card) {
  const balance = toMoney(card.balance);
  basketStore.setState({ giftCard: balance.toString() });
  return balance;
}

export function applyPriceFeed(rows) {
  return rows.map((row) => ({ sku: row.sku, price: toMoney(row.price).toFixed(2) }));
}
