import { defineFormat, type FormatBatch, type InspectedFile } from "../../sdk";
import { readCsvFile } from "../../keyward/text/csv-file";
import { ProblemList } from "../../keyward/text/file-problems";
import { fieldOfHeader, normaliseHeader, type PersonField } from "../schemas";
import { PersonChecker } from "./rows";

/** Headers that mean "this is some other tool's CSV that happens to have an email column". */
const FOREIGN_MARKERS = new Set(["kind", "externalid", "externaltype"]);

function fieldsOf(header: readonly string[]): (PersonField | undefined)[] {
  return header.map((name) => fieldOfHeader(name));
}

/** A people CSV has an e-mail column and at least one other directory column. */
function detect(file: InspectedFile): number {
  const header = file.csvHeader;
  if (!header || header.some((name) => FOREIGN_MARKERS.has(normaliseHeader(name)))) return 0;
  const fields = new Set(fieldsOf(header));
  return fields.has("email") && fields.size - (fields.has(undefined) ? 1 : 0) >= 2 ? 0.9 : 0;
}

function parse(file: InspectedFile): FormatBatch[] {
  const problems = new ProblemList();
  const [header, ...body] = readCsvFile(file);
  if (!header) return [{ stream: "people", items: [] }];
  const fields = fieldsOf(header.fields);
  const columnOf = new Map<string, string>();
  fields.forEach((field, index) => {
    if (!field) return;
    if (columnOf.has(field)) problems.add({ field, line: header.line, reason: "two columns mean the same field" });
    columnOf.set(field, header.fields[index]!.trim());
  });
  problems.throwIfAny(file.path);

  const checker = new PersonChecker(problems);
  const items: unknown[] = [];
  for (const row of body) {
    if (problems.full) break;
    if (row.fields.length !== fields.length) {
      problems.add({ line: row.line, reason: `expected ${fields.length} fields, found ${row.fields.length}` });
      continue;
    }
    const person: Partial<Record<PersonField, string>> = {};
    fields.forEach((field, index) => {
      if (field) person[field] = row.fields[index];
    });
    if (checker.check(person, { line: () => row.line, fieldOf: (field) => columnOf.get(field) ?? field })) items.push(person);
  }
  problems.throwIfAny(file.path);
  return [{ stream: "people", items }];
}

/** `email,name,team,manager,status` and the header variants HR tools write. */
export const peopleCsvFormat = defineFormat({
  id: "people.directory-csv",
  description: "People directory (CSV): email, name, team, manager, status active|left",
  detect,
  parse,
});
