import { createRequire } from "node:module";
import pg from "pg";

/**
 * Compares `schema.prisma` with a migrated database: tables, columns, types, nullability and enums.
 * Migrations are hand-written SQL (STACK-NOTES.md), so this is what keeps the two honest.
 */

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfEnum = { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] };

/** PostgreSQL type (as `format_type` prints it) of each Prisma scalar without a `@db.` attribute. */
const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** `@db.X(args)` → `format_type` spelling. */
function nativeTypeName([name, args]: [string, string[]]): string {
  const withArgs = (base: string) => (args.length ? `${base}(${args.join(",")})` : base);
  switch (name) {
    case "Uuid": return "uuid";
    case "Text": return "text";
    case "Timestamptz": return `timestamp(${args[0] ?? "6"}) with time zone`;
    case "Timestamp": return `timestamp(${args[0] ?? "6"}) without time zone`;
    case "VarChar": return withArgs("character varying");
    case "Char": return withArgs("character");
    case "Integer": return "integer";
    case "SmallInt": return "smallint";
    case "BigInt": return "bigint";
    case "DoublePrecision": return "double precision";
    case "Real": return "real";
    case "Boolean": return "boolean";
    case "Date": return "date";
    case "JsonB": return "jsonb";
    case "Json": return "json";
    case "Inet": return "inet";
    case "Citext": return "citext";
    case "ByteA": return "bytea";
    case "Decimal": return withArgs("numeric");
    default: return name.toLowerCase();
  }
}

export function readDatamodel(schemaText: string): { models: DmmfModel[]; enums: DmmfEnum[] } {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf: (params: string) => string };
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]] })));
  return dmmf.datamodel;
}

function expectedColumns(model: DmmfModel, enums: DmmfEnum[]) {
  return model.fields
    .filter((f) => f.kind === "scalar" || f.kind === "enum")
    .map((f) => {
      const enumDef = enums.find((e) => e.name === f.type);
      let type =
        f.kind === "enum"
          ? `"${enumDef?.dbName ?? f.type}"`
          : f.nativeType
            ? nativeTypeName(f.nativeType)
            : (DEFAULT_TYPES[f.type] ?? f.type);
      if (f.isList) type += "[]";
      return { column: f.dbName ?? f.name, type, nullable: !f.isRequired && !f.isList };
    });
}

/** Tables the migrations keep outside Prisma's model on purpose. */
const UNMODELLED_TABLES = new Set(["_prisma_migrations"]);

export async function findSchemaDrift(schemaText: string, connectionString: string): Promise<string[]> {
  const { models, enums } = readDatamodel(schemaText);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const cols = await client.query<{ table_name: string; column_name: string; type: string; nullable: boolean }>(`
      SELECT c.relname AS table_name, a.attname AS column_name,
             format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`);
    const dbEnums = await client.query<{ name: string; value: string }>(`
      SELECT t.typname AS name, e.enumlabel AS value
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);

    const problems: string[] = [];
    const dbTables = new Map<string, Map<string, { type: string; nullable: boolean }>>();
    for (const row of cols.rows) {
      if (UNMODELLED_TABLES.has(row.table_name)) continue;
      if (!dbTables.has(row.table_name)) dbTables.set(row.table_name, new Map());
      // format_type quotes mixed-case names, bare lower-case ones: compare quoted.
      const type = /^[a-z_][a-z0-9_]*(\[\])?$/.test(row.type) && dbEnums.rows.some((e) => row.type.startsWith(e.name))
        ? `"${row.type.replace("[]", "")}"${row.type.endsWith("[]") ? "[]" : ""}`
        : row.type;
      dbTables.get(row.table_name)!.set(row.column_name, { type, nullable: row.nullable });
    }

    for (const model of models) {
      const table = model.dbName ?? model.name;
      const actual = dbTables.get(table);
      if (!actual) {
        problems.push(`table ${table} (model ${model.name}) is missing in the database`);
        continue;
      }
      const expected = expectedColumns(model, enums);
      for (const col of expected) {
        const found = actual.get(col.column);
        if (!found) problems.push(`${table}.${col.column}: missing in the database`);
        else if (found.type !== col.type) problems.push(`${table}.${col.column}: type is ${found.type}, schema says ${col.type}`);
        else if (found.nullable !== col.nullable)
          problems.push(`${table}.${col.column}: ${found.nullable ? "nullable" : "NOT NULL"} in the database, schema says ${col.nullable ? "nullable" : "required"}`);
      }
      for (const column of actual.keys()) {
        if (!expected.some((c) => c.column === column)) problems.push(`${table}.${column}: in the database but not in schema.prisma`);
      }
      dbTables.delete(table);
    }
    for (const table of dbTables.keys()) problems.push(`table ${table}: in the database but not in schema.prisma`);

    for (const e of enums) {
      const name = e.dbName ?? e.name;
      const want = e.values.map((v) => v.dbName ?? v.name).join(",");
      const have = dbEnums.rows.filter((r) => r.name === name).map((r) => r.value).join(",");
      if (want !== have) problems.push(`enum ${name}: database has [${have}], schema says [${want}]`);
    }
    const modelled = new Set(enums.map((e) => e.dbName ?? e.name));
    for (const name of new Set(dbEnums.rows.map((r) => r.name))) {
      if (!modelled.has(name)) problems.push(`enum ${name}: in the database but not in schema.prisma`);
    }
    return problems;
  } finally {
    await client.end();
  }
}
