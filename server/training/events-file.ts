import "server-only";
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";

/** Reads a JSON-lines file (gzip when it ends in .gz) line by line; blank lines are skipped. */
export async function* readJsonLines(file: string): AsyncGenerator<{ line: number; value: unknown }> {
  const raw = fs.createReadStream(file);
  const input = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch (error) {
      throw new Error(`${file}:${line} is not valid JSON: ${(error as Error).message}`);
    }
  }
}

/** Sentry events keyed by event_id. */
export async function readEvents(file: string): Promise<Map<string, unknown>> {
  const events = new Map<string, unknown>();
  for await (const { line, value } of readJsonLines(file)) {
    const id = (value as { event_id?: unknown } | null)?.event_id;
    if (typeof id !== "string" || !id) throw new Error(`${file}:${line} has no event_id.`);
    events.set(id, value);
  }
  return events;
}
