import fs from "node:fs";
import path from "node:path";
import {
  getSchema,
  type AttributeArgument,
  type BlockAttribute,
  type Enum,
  type Field,
  type Model,
} from "@mrleebo/prisma-ast";

type AnyAttribute = { name: string; group?: string; args?: AttributeArgument[] };

/** What schema.prisma declares for one table, in PostgreSQL's terms (as format_type prints column types). */
export interface DeclaredTable {
  model: string;
  table: string;
  columns: { name: string; type: string; nullable: boolean | "array" }[];
  /** Column lists that must be unique (@id, @@id, @unique, @@unique). */
  unique: string[][];
  /** Column lists that must be indexed (@@index). */
  indexed: string[][];
}

const scalarTypes: Record<string, string> = {
  Int: "integer",
  BigInt: "bigint",
  String: "text",
  Boolean: "boolean",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Json: "jsonb",
  DateTime: "timestamp(3) without time zone",
  Bytes: "bytea",
};

const unquote = (value: string) => value.replace(/^"|"$/g, "");

function attributeArgs(attribute: AnyAttribute): string[] {
  return (attribute.args ?? []).map((arg) => {
    const value = arg.value as unknown;
    if (typeof value === "string") return unquote(value);
    if (value && typeof value === "object" && "type" in value && value.type === "array") {
      return ((value as unknown as { args: string[] }).args ?? []).join(",");
    }
    return JSON.stringify(value);
  });
}

function dbNativeType(field: Field): string | undefined {
  const native = field.attributes?.find((a) => a.group === "db");
  if (!native) return undefined;
  const args = attributeArgs(native);
  switch (native.name) {
    case "Timestamptz":
      return `timestamp(${args[0] ?? 3}) with time zone`;
    case "Timestamp":
      return `timestamp(${args[0] ?? 3}) without time zone`;
    case "Char":
      return `character(${args[0]})`;
    case "VarChar":
      return args[0] ? `character varying(${args[0]})` : "character varying";
    case "Uuid":
      return "uuid";
    case "Text":
      return "text";
    default:
      return native.name.toLowerCase();
  }
}

/** Reads prisma/schema.prisma and lists every table and column it declares. */
export function readDeclaredTables(schemaPath = path.resolve("prisma/schema.prisma")): DeclaredTable[] {
  const schema = getSchema(fs.readFileSync(schemaPath, "utf8"));
  const enums = new Map(
    schema.list
      .filter((block): block is Enum => block.type === "enum")
      .map((block) => {
        const map = block.enumerators.find((e): e is BlockAttribute => e.type === "attribute" && e.name === "map");
        return [block.name, map ? attributeArgs(map)[0]! : block.name] as const;
      }),
  );
  const models = schema.list.filter((block): block is Model => block.type === "model");
  const modelNames = new Set(models.map((m) => m.name));

  return models.map((model) => {
    const fields = model.properties.filter((p): p is Field => p.type === "field");
    const blockAttributes = model.properties.filter((p): p is BlockAttribute => p.type === "attribute");
    const columnOf = new Map<string, string>();
    const columns: DeclaredTable["columns"] = [];
    const unique: string[][] = [];

    for (const field of fields) {
      const fieldType = field.fieldType;
      const typeName = typeof fieldType === "string" ? fieldType : fieldType.name;
      if (typeof fieldType === "string" && modelNames.has(fieldType)) continue; // a relation, not a column
      const map = field.attributes?.find((a) => a.name === "map" && !a.group);
      const column = map ? attributeArgs(map)[0]! : field.name;
      columnOf.set(field.name, column);
      let type: string;
      if (typeof fieldType !== "string") type = unquote(String(fieldType.params?.[0]));
      else type = dbNativeType(field) ?? enums.get(typeName) ?? scalarTypes[typeName] ?? typeName;
      if (field.array) type = `${type}[]`;
      columns.push({ name: column, type, nullable: field.array ? "array" : Boolean(field.optional) });
      if (field.attributes?.some((a) => (a.name === "id" || a.name === "unique") && !a.group)) unique.push([column]);
    }

    const fieldList = (attribute: AnyAttribute) =>
      (attributeArgs(attribute)[0] ?? "").split(",").map((name) => columnOf.get(name.trim()) ?? name.trim());
    const tableMap = blockAttributes.find((a) => a.name === "map");
    for (const attribute of blockAttributes) {
      if (attribute.name === "id" || attribute.name === "unique") unique.push(fieldList(attribute));
    }
    return {
      model: model.name,
      table: tableMap ? attributeArgs(tableMap)[0]! : model.name,
      columns,
      unique,
      indexed: blockAttributes.filter((a) => a.name === "index").map(fieldList),
    };
  });
}
