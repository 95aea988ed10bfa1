import "server-only";
import { ItemParseError, type Fingerprinter, type KeywardRecord, type StreamDefinition } from "@/connectors/sdk";
import { RecordEncodingError } from "@/lib/sync/copy-text";
import { IMPORT_SCOPE } from "@/lib/sync/import/import-scope";
import type { ParsedFile } from "@/lib/sync/import/read-import-file";
import { redactField } from "@/lib/sync/import/redact-field";
import { recordLine } from "@/lib/sync/record-lines";
import { assertNoSecrets, SecretLikeValueError } from "@/lib/sync/secret-guard";
import { validateRecord } from "@/lib/sync/validate-record";

/** Most problems one file reports (the formats use the same cap). */
const MAX_PROBLEMS = 20;
/** Kinds whose external type must belong to the emitting stream (what its sweep may retire). */
const OWNED = new Set(["identity", "credential", "resource"]);

/** Where each natural key was first seen, per provider: a record in two files is ambiguous. */
export type SeenKeys = Map<string, string>;

/**
 * The dry run that makes "a malformed file changes nothing" true: every item goes through the
 * same transform, record validation, encoding and secret guard the loader applies, before any
 * unit reaches the runner. A file with any problem is marked invalid and, with it, the import.
 */
export function checkFileRecords(
  file: ParsedFile,
  fingerprint: Fingerprinter,
  seen: SeenKeys,
  defaultEnvironment: string | undefined,
): void {
  const { report, connector } = file;
  if (report.status !== "ok" || !connector) return;
  const problem = (field: string | undefined, reason: string) => {
    if (report.errors.length < MAX_PROBLEMS) report.errors.push({ ...(field ? { field } : {}), reason });
  };
  let records = 0;
  for (const batch of file.batches) {
    const stream = connector.streams.find((s) => s.name === batch.stream) as StreamDefinition | undefined;
    if (!stream) {
      problem(undefined, `the format produced items for an unknown stream "${batch.stream}"`);
      continue;
    }
    const ctx = { scope: IMPORT_SCOPE, parent: batch.parent, fingerprint };
    const lineContext = { scope: IMPORT_SCOPE.id, stream: stream.name, defaultEnvironment };
    batch.items.forEach((item, index) => {
      const at = `${batch.stream}.${index}`;
      let inputs;
      try {
        inputs = stream.transform(item, ctx);
      } catch (error) {
        if (error instanceof ItemParseError)
          return problem(joinField(at, error.issues[0]?.path), error.issues[0]?.message ?? "invalid item");
        return problem(at, `transform failed (${(error as Error)?.name ?? "error"})`);
      }
      for (const input of inputs) {
        const parsed = validateRecord(input);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          problem(
            joinField(at, issue?.path.map(String).join(".")),
            `invalid record: ${issue?.message ?? "does not match the record schema"}`,
          );
          continue;
        }
        const record = parsed.data;
        if (OWNED.has(record.kind) && "externalType" in record && !stream.externalTypes.includes(record.externalType)) {
          problem(joinField(at, "externalType"), `not a type the ${stream.name} stream owns`);
          continue;
        }
        if (checkStorable(record, lineContext, at, problem, seen, `${connector.provider}`, report.path)) records += 1;
      }
    });
  }
  if (report.errors.length > 0) report.status = "invalid";
  report.records = report.status === "ok" ? records : 0;
}

function joinField(at: string, field: string | undefined): string {
  const safe = redactField(field);
  return safe ? `${at}.${safe}` : at;
}

function checkStorable(
  record: KeywardRecord,
  lineContext: { scope: string; stream: string; defaultEnvironment: string | undefined },
  at: string,
  problem: (field: string | undefined, reason: string) => void,
  seen: SeenKeys,
  provider: string,
  path: string,
): boolean {
  let line;
  try {
    line = recordLine(record, lineContext);
    assertNoSecrets(record, line.data);
  } catch (error) {
    if (error instanceof RecordEncodingError || error instanceof SecretLikeValueError) {
      problem(
        joinField(at, error.field),
        error instanceof SecretLikeValueError
          ? `looks like a secret (${error.pattern})`
          : error.message.slice(error.field.length + 2),
      );
      return false;
    }
    throw error;
  }
  const key = `${provider}\0${record.kind}\0${line.key}`;
  const first = seen.get(key);
  if (first !== undefined) {
    problem(
      at,
      first === path ? `the same ${record.kind} appears twice in this file` : `the same ${record.kind} is also in ${first}`,
    );
    return false;
  }
  seen.set(key, path);
  return true;
}
