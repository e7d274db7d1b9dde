import "server-only";
import { types, type PGlite, type ParserOptions } from "@electric-sql/pglite";
import type { Field } from "./embedded-thread/protocol";

type Parse = (value: string, type?: number) => unknown;
type ParserMap = Record<number, Parse>;

/**
 * The columns a caller asks for as PostgreSQL's text (`rawTypes`: the ORM's adapter parses timestamps, JSON, numerics
 * and 64-bit integers itself), returned without PGlite's per-query parser option. PGlite merges a query's `parsers`
 * into a copy of its own map of some 450 types (every array type of the schema) on every call: 0.25 ms a statement
 * on the database's thread, a quarter of that thread's time under the grouping API's load. Instead, the first set
 * of raw types asked for becomes PGlite's own map once (those types read as text), and:
 * - a query asking for that set passes no parsers (the common case: every ORM statement asks for the same set);
 * - a query asking for none gets those columns parsed here as PGlite would have parsed them (its parsers from before
 *   the change, arrays with their elements' parsers from before);
 * - a query asking for another set passes its own parsers, as before (PGlite merges them, which is only slower).
 * PGlite builds its array parsers at start and again only on refreshArrayTypes(), which nothing here calls; a rebuild
 * would make the adopted array types parse their elements again.
 */
export class TextColumns {
  private set: { key: string; types: Set<number>; parsers: ParserMap } | null = null;

  /** `arrays`: each array type's element type (pg_type.typelem), read when the database opens. */
  constructor(
    private readonly pglite: PGlite,
    private readonly arrays: ReadonlyMap<number, number>,
  ) {}

  /** Reads the array types' element types once; call it before the first query. */
  static async open(pglite: PGlite): Promise<TextColumns> {
    const result = await pglite.query<{ oid: number; elem: number }>(
      "SELECT oid::int AS oid, typelem::int AS elem FROM pg_type WHERE typcategory = 'A' AND typelem <> 0",
    );
    return new TextColumns(pglite, new Map(result.rows.map((row) => [row.oid, row.elem])));
  }

  /**
   * The parsers option for a query asking for these types as text, and what to do with its result: the parsers
   * PGlite would have applied to the columns it now returns as text.
   */
  plan(rawTypes: number[] | undefined): {
    parsers?: ParserOptions;
    finish?: (fields: Field[], rows: unknown[]) => void;
  } {
    const key = rawTypes ? [...rawTypes].sort((a, b) => a - b).join(",") : "";
    if (!this.set && rawTypes?.length) this.set = this.adopt(key, rawTypes);
    const set = this.set;
    if (!set || key === set.key) return {};
    const asked = new Set(rawTypes ?? []);
    if (asked.size > 0) {
      // Another set: its own raw types, and PGlite's former parsers for the adopted ones it did not ask for.
      const parsers: ParserMap = {};
      for (const type of set.types) if (!asked.has(type) && set.parsers[type]) parsers[type] = set.parsers[type];
      for (const type of asked) parsers[type] = (value) => value;
      return { parsers };
    }
    return { finish: (fields, rows) => parseColumns(fields, rows, set) };
  }

  /** Makes PGlite read these types as text from now on; returns how it parsed them before. */
  private adopt(key: string, rawTypes: number[]): NonNullable<TextColumns["set"]> {
    const own = this.pglite.parsers as ParserMap;
    const before: ParserMap = { ...own };
    const formerParser = (type: number): Parse | undefined =>
      before[type] ?? (types.parsers as ParserMap)[type] ?? undefined;
    const parsers: ParserMap = {};
    for (const type of rawTypes) {
      const element = this.arrays.get(type);
      const elementParser = element === undefined ? undefined : formerParser(element);
      // PGlite's array parsers look their element's parser up when they run: with the element read as text, they
      // would leave the elements as text, so an array is parsed with its element's former parser.
      const parse: Parse | undefined = elementParser
        ? (value) => types.arrayParser(value, elementParser, type)
        : formerParser(type);
      if (parse) parsers[type] = parse;
    }
    this.pglite.parsers = { ...own, ...Object.fromEntries(rawTypes.map((type) => [type, (value: string) => value])) };
    return { key, types: new Set(rawTypes), parsers };
  }
}

/** Parses the text columns of the adopted types in place, rows as objects or as arrays. */
function parseColumns(fields: Field[], rows: unknown[], set: NonNullable<TextColumns["set"]>): void {
  const columns = fields.flatMap((field, index) => {
    const parse = set.types.has(field.dataTypeID) ? set.parsers[field.dataTypeID] : undefined;
    return parse ? [{ index, name: field.name, type: field.dataTypeID, parse }] : [];
  });
  if (columns.length === 0) return;
  for (const row of rows as Record<string | number, unknown>[]) {
    const isArray = Array.isArray(row);
    for (const column of columns) {
      const key = isArray ? column.index : column.name;
      const value = row[key];
      if (typeof value === "string") row[key] = column.parse(value, column.type);
    }
  }
}

/** Runs a caller's own parsers on the columns left as text for it. */
export function applyCallerParsers(
  result: { fields: Field[]; rows: unknown[] },
  parsers: ParserOptions,
  rowMode: "object" | "array",
): void {
  const columns = result.fields
    // PGlite calls a parser with the value and its type (its declared type names only the value).
    .map((field, index) => ({
      index,
      name: field.name,
      type: field.dataTypeID,
      parse: parsers[field.dataTypeID] as ((value: string, type: number) => unknown) | undefined,
    }))
    .filter((column) => column.parse);
  if (columns.length === 0) return;
  for (const row of result.rows as Record<string | number, unknown>[]) {
    for (const column of columns) {
      const key = rowMode === "array" ? column.index : column.name;
      const value = row[key];
      if (value !== null && value !== undefined) row[key] = column.parse!(value as string, column.type);
    }
  }
}
