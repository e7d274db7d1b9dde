import { addToBasket, applyPriceFeed, applyVoucher, redeemGiftCard } from "./basket.mjs";
import { breadcrumbTrail, careSummary, parseInventory } from "./catalog.mjs";
import { describeSlot, orderHistoryRow } from "./dates.mjs";
import { formatPrice, splitEvenly } from "./money.mjs";
import { addressSchema, basketLineSchema, deliveryNoteSchema, validateWith } from "./validation.mjs";

const HANDLERS = {
  voucher: applyVoucher,
  "gift-card": redeemGiftCard,
  "price-feed": applyPriceFeed,
  "split-payment": ({ total, payers }) => splitEvenly(total, payers),
  address: (form) => validateWith(addressSchema, form),
  "basket-line": (line) => validateWith(basketLineSchema, line),
  "delivery-note": (note) => validateWith(deliveryNoteSchema, note),
  slot: describeSlot,
  "order-history": (orders) => orders.map(orderHistoryRow),
  care: careSummary,
  "add-to-basket": ({ sku, quantity }) => addToBasket(sku, quantity),
  "price-display": ({ amount, currency }) => formatPrice(amount, currency),
  inventory: parseInventory,
  categories: ({ categories, id }) => breadcrumbTrail(categories, id),
};

let pending;

/** The action the shopper's last interaction queued (a form, a basket change, a feed the page pulled). */
export function setPendingAction(action) {
  pending = action;
}

export function takePendingAction() {
  const action = pending;
  pending = undefined;
  return action;
}

/** Runs one storefront action. */
export function performAction(action) {
  const handler = HANDLERS[action.kind];
  if (!handler) throw new Error(`unknown storefront action ${action.kind}`);
  return handler(action.payload);
}
