import { AddressSchema, validate } from "./schemas.mjs";

export function normalizeCustomer(customer) {
  const address = validate(AddressSchema, customer.address);
  return { ...customer, address, name: customer.name.trim() };
}

export function applyContractDiscount(customer, subtotal) {
  if (customer.tier === "standard") return subtotal;
  const pct = customer.contract.discountPct;
  return Math.round(subtotal * (1 - pct / 100) * 100) / 100;
}
