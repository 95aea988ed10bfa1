import type { InspectedFile } from "../../sdk";
import { CsvSyntaxError, readCsv, type CsvRow } from "./csv-reader";
import { ProblemList } from "./file-problems";

/** The rows of a CSV file; a syntax error fails the whole file, naming the line (never the content). */
export function readCsvFile(file: InspectedFile): CsvRow[] {
  try {
    return readCsv(file.text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const problems = new ProblemList();
    problems.add({ line: error.line, reason: `not valid CSV: ${error.reason}` });
    problems.throwIfAny(file.path);
    throw error;
  }
}
