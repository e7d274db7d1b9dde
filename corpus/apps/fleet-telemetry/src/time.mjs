import { DateTime, Settings } from "luxon";

Settings.throwOnInvalid = true;
Settings.defaultZone = "utc";

export function parsePingTime(iso) {
  return DateTime.fromISO(iso);
}

export function parseServiceDate(text) {
  return DateTime.fromFormat(text, "dd.MM.yyyy");
}

export function nextServiceDate(record) {
  const last = parseServiceDate(record.lastService);
  return last.plus({ months: record.intervalMonths }).toISODate();
}
