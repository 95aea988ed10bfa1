/**
 * A minimal RFC 4180 reader: quoted fields, doubled quotes, quoted line breaks, CR, LF or CRLF.
 *
 * Kept instead of csv-parse (tried): the importer must name the line each record STARTS on, also
 * in files that mix line endings, and its errors must never quote file content (a cell may hold a
 * secret). csv-parse fixes one record delimiter per file, reports end lines, and puts the offending
 * value in its messages. Property-tested against RFC 4180 quoting in text.test.ts.
 */

/** One parsed record and the 1-based line it starts on. */
export interface CsvRow {
  readonly fields: readonly string[];
  readonly line: number;
}

/** A structural CSV problem; `reason` never quotes file content. */
export class CsvSyntaxError extends Error {
  readonly code = "csv_syntax";
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Reads every record of `text`. Blank lines are skipped (a trailing newline is not a record). */
export function readCsv(text: string, delimiter = ","): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = 0;
  let line = 1;
  const length = text.length;
  while (i < length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        i++;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) throw new CsvSyntaxError(start, "a quoted field is never closed");
          const chunk = text.slice(i, quote);
          line += countLineBreaks(chunk);
          field += chunk;
          i = quote + 1;
          if (text[i] !== '"') break;
          field += '"';
          i++;
        }
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
          throw new CsvSyntaxError(line, "unexpected text after a closing quote");
        }
      } else {
        let end = i;
        while (end < length && text[end] !== delimiter && text[end] !== "\n" && text[end] !== "\r") end++;
        field = text.slice(i, end);
        if (field.includes('"')) throw new CsvSyntaxError(line, "a quote inside an unquoted field");
        i = end;
      }
      fields.push(field);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    // End of record: consume one line break (CRLF, LF or CR).
    if (text[i] === "\r") i++;
    if (text[i] === "\n") i++;
    line++;
    if (!(fields.length === 1 && fields[0] === "")) rows.push({ fields, line: start });
  }
  return rows;
}

function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let k = 0; k < chunk.length; k++) {
    if (chunk[k] === "\n" || (chunk[k] === "\r" && chunk[k + 1] !== "\n")) count++;
  }
  return count;
}
