import "server-only";
import { IMPORT_PAGE_ITEMS } from "@/lib/sync/import/import-scope";
import type { FileReport } from "@/lib/sync/import/import-types";
import { redactField } from "@/lib/sync/import/redact-field";
import type { RunError } from "@/lib/sync/types";

/**
 * Puts the runner's errors on the files they came from. A unit's origin is its file and its
 * pages are slices of the file's batch, so (page, item) gives the item's index in the file.
 * Errors with no file (the runner itself) are returned for the source's report.
 */
export function mapRunErrors(errors: readonly RunError[], files: readonly FileReport[]): RunError[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const unplaced: RunError[] = [];
  for (const error of errors) {
    const file = byPath.get(error.origin);
    if (!file) {
      unplaced.push({ ...error, field: redactField(error.field) });
      continue;
    }
    const index =
      error.page !== undefined && error.item !== undefined ? (error.page - 1) * IMPORT_PAGE_ITEMS + (error.item - 1) : undefined;
    const at = index !== undefined ? `${error.stream}.${index}` : error.stream || undefined;
    const field = [at, redactField(error.field)].filter(Boolean).join(".") || undefined;
    file.errors.push({ ...(field ? { field } : {}), ...(error.line ? { line: error.line } : {}), reason: error.reason });
  }
  return unplaced;
}
