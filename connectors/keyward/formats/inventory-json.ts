import { z } from "zod";
import { defineFormat, type FormatBatch, type InspectedFile } from "../../sdk";
import {
  credentialEntrySchema,
  edgeEntrySchema,
  identityEntrySchema,
  INVENTORY_FORMAT,
  personEntrySchema,
  resourceEntrySchema,
} from "../schemas";
import { addZodIssues, ProblemList } from "../text/file-problems";
import { findJsonSyntaxProblem, lineOfJsonPath } from "../text/json-locate";
import { safeFieldPath } from "../text/safe-field";
import { scanEntry } from "../text/entry-scan";
import { DuplicateTracker, duplicateReason, type SectionName } from "./natural-keys";

/** Each document section, the stream that loads it and its entry schema. */
export const SECTIONS: readonly { key: SectionName; schema: z.ZodType }[] = [
  { key: "identities", schema: identityEntrySchema },
  { key: "credentials", schema: credentialEntrySchema },
  { key: "resources", schema: resourceEntrySchema },
  { key: "edges", schema: edgeEntrySchema },
  { key: "people", schema: personEntrySchema },
];

/** Fields meant to hold a secret: fingerprinted by the transform, so not scanned. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(["value"]);

const section = z.array(z.unknown(), "must be an array").optional();

const documentSchema = z.strictObject({
  keyward: z.literal(INVENTORY_FORMAT, `unsupported version; this Keyward reads "${INVENTORY_FORMAT}"`),
  /** Written by exports; an import loads the records as they are now. */
  asOf: z.string().max(64).nullish(),
  identities: section,
  credentials: section,
  resources: section,
  edges: section,
  people: section,
  /** Findings are computed by Keyward's policies, never imported. */
  findings: section,
});

/** How far into a file that is not valid JSON the detector looks for the `keyward` key. */
const SNIFF_CHARS = 4096;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function detect(file: InspectedFile): number {
  if (file.json !== undefined) return isObject(file.json) && Object.hasOwn(file.json, "keyward") ? 1 : 0;
  // Truncated or broken JSON that clearly meant to be a Keyward document: claim it, so the
  // report says what is wrong with it instead of "unrecognised".
  return /^\s*\{/.test(file.text) && /"keyward"\s*:/.test(file.text.slice(0, SNIFF_CHARS)) ? 1 : 0;
}

function parse(file: InspectedFile): FormatBatch[] {
  const problems = new ProblemList();
  if (file.json === undefined) {
    const syntax = findJsonSyntaxProblem(file.text);
    problems.add({ line: syntax?.line, reason: `not valid JSON: ${syntax?.reason ?? "cannot be read"}` });
    problems.throwIfAny(file.path);
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n > 0; n--) {
      const line = lineOfJsonPath(file.text, path.slice(0, n) as (string | number)[]);
      if (line !== undefined) return line;
    }
    return undefined;
  };
  const where = { fieldOf: (path: readonly PropertyKey[]) => safeFieldPath(path) || undefined, lineOf };
  const document = documentSchema.safeParse(file.json);
  if (!document.success) {
    addZodIssues(problems, document.error.issues, where);
    problems.throwIfAny(file.path);
  }
  const doc = document.data as Record<SectionName, unknown[] | undefined>;
  const duplicates = new DuplicateTracker();
  const batches: FormatBatch[] = [];
  for (const { key, schema } of SECTIONS) {
    const entries = doc[key];
    if (entries === undefined) continue;
    entries.forEach((entry, index) => {
      if (problems.full) return;
      const result = schema.safeParse(entry);
      if (!result.success) {
        const prefixed = result.error.issues.map((issue) => ({ ...issue, path: [key, index, ...issue.path] }));
        return addZodIssues(problems, prefixed, where);
      }
      for (const hit of scanEntry(entry, { skip: SECRET_FIELDS, valueField: true })) {
        const path = [key, index, ...hit.path];
        problems.add({ field: safeFieldPath(path), line: lineOf(path), reason: hit.reason });
      }
      const first = duplicates.check(key, result.data as object, index);
      if (first !== undefined) {
        problems.add({
          field: `${key}.${index}`,
          line: lineOf([key, index]),
          reason: duplicateReason(key, lineOf([key, first])),
        });
      }
    });
    batches.push({ stream: key, items: entries });
  }
  problems.throwIfAny(file.path);
  return batches;
}

/** `{ "keyward": "inventory/v1", … }`: Keyward's own document, also what `keyward export` writes. */
export const inventoryJsonFormat = defineFormat({
  id: "keyward.inventory-json",
  description: "Keyward inventory document (JSON, inventory/v1), the shape of `keyward export --format json`",
  detect,
  parse,
});
