/**
 * Parses the first record of a CSV text (RFC 4180: quoted fields, doubled quotes, quoted line
 * breaks, CRLF). Only the header is needed to recognise a report, so this stops at the first
 * record instead of pulling in a full CSV parser; parsers of CSV formats should use one.
 *
 * Returns undefined when the first record is malformed (an unterminated quote, text after a
 * closing quote).
 */
export function parseFirstCsvRecord(text: string, delimiter = ","): string[] | undefined {
  const fields: string[] = [];
  let field = "";
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) return undefined;
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") return undefined;
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
        field += text[i];
        i++;
      }
    }
    fields.push(field);
    field = "";
    if (text[i] !== delimiter) return fields;
    i++;
  }
}
