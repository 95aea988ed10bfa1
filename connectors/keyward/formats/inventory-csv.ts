import { z } from "zod";
import { defineFormat, type FormatBatch, type InspectedFile } from "../../sdk";
import { readCsvFile } from "../text/csv-file";
import type { CsvRow } from "../text/csv-reader";
import { addZodIssues, ProblemList } from "../text/file-problems";
import { isShowableKey, safeFieldPath } from "../text/safe-field";
import { cellValue, INVALID_JSON, setDotted } from "./csv-cells";
import { CSV_COLUMNS, CSV_KINDS, KNOWN_COLUMNS, SECTION_OF_KIND, type CsvKind } from "./csv-columns";
import { SECRET_FIELDS, SECTIONS } from "./inventory-json";
import { scanEntry } from "../text/entry-scan";
import { DuplicateTracker, duplicateReason, type SectionName } from "./natural-keys";

/** Columns one of which, next to a leading `kind`, marks a Keyward CSV file. */
const MARKERS = ["externalid", "email", "from.externalid", "subjecttype"];

function detect(file: InspectedFile): number {
  const header = file.csvHeader?.map((h) => h.toLowerCase());
  if (!header || header[0] !== "kind") return 0;
  return MARKERS.some((marker) => header.includes(marker)) ? 1 : 0;
}

const schemaOf = new Map(SECTIONS.map((s) => [s.key, s.schema] as const));
const kindSchema = z.enum(CSV_KINDS);

/** Maps header cells to canonical column names; unknown or repeated columns are problems. */
function readHeader(header: CsvRow, problems: ProblemList): (string | undefined)[] {
  const seen = new Set<string>();
  return header.fields.map((cell) => {
    const name = KNOWN_COLUMNS.get(cell.trim().toLowerCase());
    const shown = isShowableKey(cell.trim()) ? cell.trim() : "<column>";
    if (!name) problems.add({ field: shown, line: header.line, reason: "unknown column (not in Keyward CSV v1)" });
    else if (seen.has(name)) problems.add({ field: name, line: header.line, reason: "column appears twice" });
    if (name) seen.add(name);
    return name;
  });
}

/** Builds the JSON entry of one row; cells of columns its kind does not have are problems. */
function entryOf(row: CsvRow, columns: (string | undefined)[], kind: Exclude<CsvKind, "finding">, problems: ProblemList) {
  const allowed = new Set(CSV_COLUMNS[kind]);
  const entry: Record<string, unknown> = {};
  let ok = true;
  columns.forEach((column, index) => {
    const raw = row.fields[index] ?? "";
    if (!column || column === "kind" || raw === "") return;
    if (!allowed.has(column)) {
      ok = false;
      return problems.add({ field: column, line: row.line, reason: `column does not apply to ${kind} rows` });
    }
    const value = cellValue(column, raw);
    if (value === INVALID_JSON) {
      ok = false;
      return problems.add({ field: column, line: row.line, reason: "not valid JSON" });
    }
    if (value !== undefined) setDotted(entry, column, value);
  });
  return ok ? entry : undefined;
}

function parse(file: InspectedFile): FormatBatch[] {
  const problems = new ProblemList();
  const [header, ...body] = readCsvFile(file);
  if (!header) return [];
  const columns = readHeader(header, problems);
  problems.throwIfAny(file.path);

  const items = new Map<SectionName, unknown[]>();
  const duplicates = new DuplicateTracker();
  for (const row of body) {
    if (problems.full) break;
    if (row.fields.length !== columns.length) {
      problems.add({ line: row.line, reason: `expected ${columns.length} fields, found ${row.fields.length}` });
      continue;
    }
    const kind = kindSchema.safeParse(row.fields[0]?.trim());
    if (!kind.success) {
      problems.add({ field: "kind", line: row.line, reason: `must be one of ${CSV_KINDS.join(", ")}` });
      continue;
    }
    if (kind.data === "finding") continue;
    const section = SECTION_OF_KIND[kind.data];
    const entry = entryOf(row, columns, kind.data, problems);
    if (!entry) continue;
    const result = schemaOf.get(section)!.safeParse(entry);
    if (!result.success) {
      addZodIssues(problems, result.error.issues, { fieldOf: (path) => safeFieldPath(path), lineOf: () => row.line });
      continue;
    }
    const hits = scanEntry(entry, { skip: SECRET_FIELDS, valueField: true });
    for (const hit of hits) problems.add({ field: safeFieldPath(hit.path), line: row.line, reason: hit.reason });
    if (hits.length > 0) continue;
    const first = duplicates.check(section, result.data as object, row.line);
    if (first !== undefined) problems.add({ line: row.line, reason: duplicateReason(section, first) });
    else if (items.has(section)) items.get(section)!.push(entry);
    else items.set(section, [entry]);
  }
  problems.throwIfAny(file.path);
  return [...items].map(([stream, entries]) => ({ stream, items: entries }));
}

/** Keyward CSV: a header starting with `kind`, one record per row (docs/formats/keyward.md). */
export const inventoryCsvFormat = defineFormat({
  id: "keyward.inventory-csv",
  description: "Keyward inventory CSV (format v1): a `kind` column, then the fields of that kind",
  detect,
  parse,
});
