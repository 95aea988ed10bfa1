import { csvRow } from "@/lib/inventory/csv-cell";
import type { FindingDto } from "@/lib/policy/list-findings";

/** Columns of the findings CSV (`keyward findings --format csv`, the evidence pack). */
export const FINDINGS_CSV_COLUMNS = [
  "id",
  "rule",
  "severity",
  "owasp",
  "status",
  "subjectType",
  "subjectId",
  "subjectName",
  "firstSeenAt",
  "lastSeenAt",
  "resolvedAt",
  "acceptedUntil",
  "evidence",
] as const satisfies readonly (keyof FindingDto)[];

/** Findings as CSV, header first, through the shared spreadsheet-safe cell writer. */
export function findingsCsv(findings: readonly FindingDto[]): string {
  return [csvRow(FINDINGS_CSV_COLUMNS), ...findings.map((f) => csvRow(FINDINGS_CSV_COLUMNS.map((column) => f[column])))].join("");
}
