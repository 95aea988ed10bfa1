import type { CredentialType } from "../../sdk";
import type { StateInstance } from "../schemas";

/** A secret value found in a resource that is not in KNOWN_RESOURCES. */
export interface GenericSecret {
  /** Attribute path as Terraform expressions write it: `password`, `settings[0].token`, `env["KEY"]`. */
  readonly attribute: string;
  readonly value: string;
  readonly type: CredentialType;
}

/** Attribute names that hold provider tokens, passwords and keys (`token`, `api_key`, `admin_password`…). */
const SECRET_NAME =
  /(^|_)(password|passwd|secret|token|private_key|api_key|apikey|access_key|client_secret|credentials?|auth_key)($|_)/;
/** …but not identifiers and settings named after a secret (`secret_arn`, `token_ttl`, `kms_key_id`, `password_length`). */
const NOT_A_VALUE =
  /(_|^)(arn|id|ids|name|names|type|length|ttl|version|versions|policy|expiry|expiration|expires|enabled|count|path|file|hash|sha|fingerprint|encrypted|wo_version)$/;
/** Values shorter than this under a secret-sounding name are settings (`"true"`, `"S256"`), not secrets. */
const MIN_NAMED_SECRET_LENGTH = 8;

function typeOfName(name: string): CredentialType {
  if (/password|passwd/.test(name)) return "password";
  if (/private_key/.test(name)) return "private_key";
  if (/client_secret/.test(name)) return "client_secret";
  if (/api_?key/.test(name)) return "api_key";
  if (/access_key/.test(name)) return "access_key";
  if (/token/.test(name)) return "token";
  return "other";
}

type Step = { type: string; value: string | number };

/**
 * A path step as the state stores it: `{ "type": "get_attr", "value": "password" }`, and for an
 * index `{ "type": "index", "value": { "value": "TOKEN", "type": "string" } }` (a typed cty value).
 * Unknown shapes give undefined and the path is skipped.
 */
function stepOf(raw: unknown): Step | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { type, value } = raw as { type?: unknown; value?: unknown };
  if (typeof type !== "string") return undefined;
  const key = typeof value === "object" && value !== null ? (value as { value?: unknown }).value : value;
  return typeof key === "string" || typeof key === "number" ? { type, value: key } : undefined;
}

/** `get_attr` steps read as `.name`, `index` steps as `[0]` or `["key"]`. */
function pathText(steps: readonly Step[]): string {
  return steps
    .map((step, i) => {
      if (step.type === "get_attr") return i === 0 ? String(step.value) : `.${step.value}`;
      return typeof step.value === "number" ? `[${step.value}]` : `[${JSON.stringify(step.value)}]`;
    })
    .join("");
}

function valueAt(root: unknown, steps: readonly Step[]): unknown {
  let node = root;
  for (const step of steps) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[step.value];
  }
  return node;
}

/**
 * Secrets of an unknown resource type: every string Terraform itself marks sensitive (the
 * instance's `sensitive_attributes` paths, from `sensitive = true` in the provider schema), plus
 * top-level string attributes whose NAME says secret — older states and some providers leave
 * `sensitive_attributes` empty.
 */
export function genericSecrets(instance: StateInstance): GenericSecret[] {
  const found = new Map<string, GenericSecret>();
  for (const path of instance.sensitive_attributes) {
    const steps = Array.isArray(path) ? path.map(stepOf) : [];
    if (steps.length === 0 || !steps.every((step): step is Step => step !== undefined)) continue;
    const value = valueAt(instance.attributes, steps);
    if (typeof value !== "string" || value === "") continue;
    const attribute = pathText(steps);
    // The innermost name says what the value is: `data["DB_PASSWORD"]` is a password.
    const names = steps.filter((step) => typeof step.value === "string").map((step) => String(step.value).toLowerCase());
    found.set(attribute, { attribute, value, type: typeOfName(names[names.length - 1] ?? "") });
  }
  for (const [name, value] of Object.entries(instance.attributes)) {
    const lower = name.toLowerCase();
    if (found.has(name) || typeof value !== "string" || value.length < MIN_NAMED_SECRET_LENGTH) continue;
    if (!SECRET_NAME.test(lower) || NOT_A_VALUE.test(lower) || value.startsWith("arn:")) continue;
    found.set(name, { attribute: name, value, type: typeOfName(lower) });
  }
  return [...found.values()].sort((a, b) => a.attribute.localeCompare(b.attribute));
}
