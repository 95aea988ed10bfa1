import { AppError } from "@/lib/errors";
import type { ConfigField } from "@/lib/sources/config-fields";

/*
 * Turns the generated form's submitted text back into a config object, field by field, and
 * splits it into what may be stored and shown (sources.config) and what must be encrypted
 * (secret fields). Errors name the field, never echo the value: it may be a secret.
 */

/** The form's values by field path; a checkbox that is not ticked is absent. */
export type ConfigFormValues = Readonly<Record<string, string | undefined>>;

function invalid(field: ConfigField, message: string): AppError {
  return new AppError("INVALID_INPUT", `${field.label}: ${message}`, field.path);
}

function parseValue(field: ConfigField, text: string): unknown {
  switch (field.kind) {
    case "integer":
    case "number": {
      const value = Number(text.trim());
      if (!Number.isFinite(value) || (field.kind === "integer" && !Number.isInteger(value))) {
        throw invalid(field, field.kind === "integer" ? "must be a whole number" : "must be a number");
      }
      return value;
    }
    case "string-list":
      return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "");
    case "json":
      try {
        return JSON.parse(text);
      } catch {
        throw invalid(field, "must be valid JSON");
      }
    case "enum":
      if (!field.options.includes(text)) throw invalid(field, `must be one of ${field.options.join(", ")}`);
      return text;
    default:
      return text;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = (typeof next === "object" && next !== null ? next : (node[part] = {})) as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

/**
 * The config a form describes. Empty inputs are left out (the schema's default or "not set"
 * applies); booleans are always given, since an unticked box is a choice.
 */
export function readConfigForm(fields: readonly ConfigField[], values: ConfigFormValues): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.path];
    if (field.kind === "boolean") {
      setPath(config, field.path, raw === "on" || raw === "true");
      continue;
    }
    if (raw === undefined || raw.trim() === "") continue;
    setPath(config, field.path, parseValue(field, field.kind === "secret" ? raw : raw.trim()));
  }
  return config;
}

/** Splits a config into its stored part and its secret part (secret fields are top-level keys). */
export function splitSecrets(
  config: Record<string, unknown>,
  secretFields: readonly string[],
): { plain: Record<string, unknown>; secrets: Record<string, unknown> } {
  const plain: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) (secretFields.includes(key) ? secrets : plain)[key] = value;
  return { plain, secrets };
}

/** The stored config as the form shows it again: one text per non-secret field path. */
export function configFormText(fields: readonly ConfigField[], config: Record<string, unknown>): Record<string, string> {
  const text: Record<string, string> = {};
  for (const field of fields) {
    if (field.kind === "secret") continue;
    const value = field.path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], config);
    if (value === undefined || value === null) continue;
    if (field.kind === "string-list" && Array.isArray(value)) text[field.path] = value.join("\n");
    else if (field.kind === "json") text[field.path] = JSON.stringify(value, null, 2);
    else text[field.path] = String(value);
  }
  return text;
}
