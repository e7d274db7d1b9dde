import { parse } from "csv-parse/sync";

function readCsv(text, options) {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, ...options });
}

export function parseTripLog(text) {
  return readCsv(text, { cast: (value, context) => (context.column === "vehicle" ? value : Number(value)) });
}

export function parseFuelReceipts(text) {
  return readCsv(text, { delimiter: ";" });
}
