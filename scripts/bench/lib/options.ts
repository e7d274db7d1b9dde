import { parseArgs } from "node:util";

/** A bench's options by name, each given by its default: a number, a string, a flag (boolean), or null (optional text). */
type OptionDefaults = Record<string, number | string | boolean | null>;

type OptionValues<D extends OptionDefaults> = {
  [K in keyof D]: D[K] extends number
    ? number
    : D[K] extends boolean
      ? boolean
      : D[K] extends null
        ? string | undefined
        : string;
};

/** Reads a bench's `--name value` options (and `--flag`s): each default says the option's type. */
export function benchOptions<D extends OptionDefaults>(args: string[], defaults: D): OptionValues<D> {
  const options = Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [
      name,
      typeof value === "boolean"
        ? { type: "boolean" as const, default: value }
        : { type: "string" as const, ...(value !== null && { default: String(value) }) },
    ]),
  );
  const { values } = parseArgs({ args, options });
  return Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [
      name,
      typeof value === "number" ? Number(values[name]) : values[name],
    ]),
  ) as OptionValues<D>;
}
