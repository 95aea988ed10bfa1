import { z } from "zod";

/*
 * The add/edit form of a source is generated from its connector's zod config schema, read through
 * its JSON Schema (`z.toJSONSchema`, input side: what a person types, defaults optional). Nested
 * objects become dotted fields (`connection.host`); shapes a plain input cannot hold (arrays of
 * objects, unions) become a JSON text area for that one field.
 */

export type ConfigFieldKind = "text" | "secret" | "integer" | "number" | "boolean" | "enum" | "string-list" | "json";

/** One input of the generated form. Plain data: it is handed to client components. */
export type ConfigField = {
  /** Dotted path into the config object, also the form input's name. */
  path: string;
  label: string;
  kind: ConfigFieldKind;
  required: boolean;
  description: string | null;
  /** For `enum`. */
  options: string[];
  /** The schema's default, as the field shows it (lists one per line, JSON pretty-printed). */
  defaultText: string | null;
  min: number | null;
  max: number | null;
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
};

/** "connectTimeoutMs" → "Connect timeout ms"; "connection.host" → "Connection › host". */
export function fieldLabel(path: string): string {
  return path
    .split(".")
    .map((part, i) => {
      const words = part.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
      return i === 0 ? words.charAt(0).toUpperCase() + words.slice(1) : words;
    })
    .join(" › ");
}

function kindOf(schema: JsonSchema, secret: boolean): ConfigFieldKind {
  if (secret) return "secret";
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) return "enum";
  switch (schema.type) {
    case "string":
      return "text";
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "array":
      return schema.items?.type === "string" && !schema.items.enum ? "string-list" : "json";
    default:
      return "json";
  }
}

function defaultText(kind: ConfigFieldKind, value: unknown): string | null {
  if (value === undefined) return null;
  if (kind === "string-list" && Array.isArray(value)) return value.join("\n");
  if (kind === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

function walk(schema: JsonSchema, prefix: string, secrets: ReadonlySet<string>, parentRequired: boolean, out: ConfigField[]): void {
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    // Secret fields are named by their top-level key (connectors/sdk define-connector).
    const secret = prefix === "" && secrets.has(name);
    const isRequired = parentRequired && required.has(name) && property.default === undefined;
    if (!secret && property.type === "object" && property.properties && Object.keys(property.properties).length > 0) {
      walk(property, path, secrets, isRequired, out);
      continue;
    }
    const kind = kindOf(property, secret);
    out.push({
      path,
      label: fieldLabel(path),
      kind,
      required: isRequired,
      description: property.description ?? null,
      options: kind === "enum" ? (property.enum as string[]) : [],
      defaultText: secret ? null : defaultText(kind, property.default),
      min: property.minimum ?? (property.exclusiveMinimum !== undefined ? property.exclusiveMinimum + 1 : null),
      max: property.maximum !== undefined && property.maximum < Number.MAX_SAFE_INTEGER ? property.maximum : null,
    });
  }
}

/** The form fields of a connector's config schema, in schema order. */
export function describeConfigFields(configSchema: z.ZodObject, secretFields: readonly string[]): ConfigField[] {
  // "any" for what JSON Schema cannot express (transforms, preprocess): such a field becomes JSON.
  const json = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const fields: ConfigField[] = [];
  walk(json, "", new Set(secretFields), true, fields);
  return fields;
}
