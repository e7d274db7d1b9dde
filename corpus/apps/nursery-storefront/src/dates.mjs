import { format, parseISO } from "date-fns";

export function formatDay(date) {
  return format(date, "EEE d MMM yyyy");
}

export function describeSlot(slot) {
  const start = parseISO(slot.start);
  return `${formatDay(start)}, ${slot.window}`;
}

export function orderHistoryRow(order) {
  return { id: order.id, placed: formatDay(parseISO(order.placedAt)), total: order.total };
}
