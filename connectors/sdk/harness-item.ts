import { isDeepStrictEqual } from "node:util";
import type { StreamDefinition, TransformContext } from "./connector-types";
import type { HarnessViolation } from "./harness-types";
import { recordSchema, type KeywardRecordInput } from "./records";
import { findSecretLikeStrings } from "./secret-scan";

/** Kinds whose external type must be owned by the emitting stream (the sweep relies on it). */
const OWNED_KINDS: ReadonlySet<string> = new Set(["identity", "credential", "resource"]);

/** Freezes a value and everything reachable from it, so any write by a transform throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every textual form in which a leaked canary could appear inside JSON. */
export function canaryForms(canary: string): string[] {
  const bytes = Buffer.from(canary, "utf8");
  const forms = [
    canary,
    bytes.toString("base64"),
    bytes.toString("base64url"),
    bytes.toString("hex"),
    encodeURIComponent(canary),
  ];
  return [...new Set(forms.flatMap((form) => [form, JSON.stringify(form).slice(1, -1)]))];
}

function naturalKey(record: KeywardRecordInput): string {
  switch (record.kind) {
    case "person":
      return `person|${record.externalId}`;
    case "edge":
      return `edge|${record.type}|${record.from.externalType}|${record.from.externalId}|${record.to.externalType}|${record.to.externalId}`;
    default:
      return `${record.kind}|${record.externalType}|${record.externalId}`;
  }
}

type Outcome = { records: readonly KeywardRecordInput[] } | { error: unknown };

function run(stream: StreamDefinition, item: unknown, ctx: TransformContext): Outcome {
  try {
    return { records: stream.transform(item, ctx) };
  } catch (error) {
    return { error };
  }
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Runs every per-item check on one raw item; returns the violations found. */
export function checkItem(
  stream: StreamDefinition,
  raw: unknown,
  ctx: TransformContext,
  where: string,
  canaries: readonly string[],
): HarnessViolation[] {
  const found: HarnessViolation[] = [];
  const add = (code: HarnessViolation["code"], message: string) => found.push({ code, where, message });
  const frozen = run(stream, deepFreeze(structuredClone(raw)), ctx);
  const copy = structuredClone(raw);
  const plain = run(stream, copy, ctx);
  if (!isDeepStrictEqual(copy, raw)) add("mutated_input", "transform modified its input item");
  if ("error" in plain) {
    add("transform_threw", describe(plain.error));
    return found;
  }
  if ("error" in frozen) {
    const code = frozen.error instanceof TypeError ? "mutated_input" : "nondeterministic_transform";
    if (!found.some((v) => v.code === code)) add(code, `transform failed on a frozen copy: ${describe(frozen.error)}`);
    return found;
  }
  if (!isDeepStrictEqual(frozen.records, plain.records)) add("nondeterministic_transform", "same item gave different records");

  const keys = new Set<string>();
  plain.records.forEach((record, index) => {
    const parsed = recordSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      add("invalid_record", `record ${index}: ${issue?.path.join(".") || "(record)"}: ${issue?.message}`);
      return;
    }
    const valid = parsed.data;
    if (OWNED_KINDS.has(valid.kind) && "externalType" in valid && !stream.externalTypes.includes(valid.externalType)) {
      add("foreign_external_type", `record ${index}: "${valid.externalType}" is not owned by stream "${stream.name}"`);
    }
    const key = naturalKey(valid);
    if (keys.has(key)) add("duplicate_record", `record ${index}: ${key} emitted twice by one item`);
    keys.add(key);
  });

  const json = JSON.stringify(plain.records);
  canaries.forEach((canary, index) => {
    if (canaryForms(canary).some((form) => json.includes(form))) add("canary_leaked", `canary #${index} found in records`);
  });
  for (const { path, pattern } of findSecretLikeStrings(plain.records)) {
    add("secret_like_value", `record field ${path} looks like a ${pattern}`);
  }
  return found;
}
