import "server-only";
import path from "node:path";
import { createFingerprinter } from "@/connectors/sdk";
import { checkFileRecords, type SeenKeys } from "@/lib/sync/import/check-records";
import type { FileReport, ImportOptions } from "@/lib/sync/import/import-types";
import { readImportFile, type ParsedFile } from "@/lib/sync/import/read-import-file";
import { redactPath } from "@/lib/sync/import/redact-field";
import { walkImportRoot } from "@/lib/sync/import/walk-import-root";

/** Reads, recognises, parses and dry-runs every file under `root`. Writes nothing. */
export async function readImportRoot(
  root: string,
  isDirectory: boolean,
  options: Pick<ImportOptions, "keys" | "environment">,
): Promise<ParsedFile[]> {
  const fingerprint = createFingerprinter(options.keys.fingerprintKey);
  const seen: SeenKeys = new Map();
  const files: ParsedFile[] = [];
  const redacted = { n: 0 };
  for (const entry of await walkImportRoot(root)) {
    const display = redactPath(isDirectory ? path.join(root, entry.relPath) : root, redacted);
    if (entry.kind === "skipped") {
      const report: FileReport = {
        path: display,
        status: "skipped",
        format: null,
        provider: null,
        records: 0,
        loaded: false,
        errors: [{ reason: entry.reason }],
      };
      files.push({ report, connector: undefined, batches: [] });
      continue;
    }
    const parsed = await readImportFile(entry.absPath, entry.relPath, display, entry.size);
    checkFileRecords(parsed, fingerprint, seen, options.environment);
    files.push(parsed);
  }
  return files;
}
