import type { z } from "zod";
import { parseFirstCsvRecord } from "./csv-header";
import { SdkError } from "./errors";
import type { DetectedFormat, FormatDefinition, InspectedFile } from "./format-types";

/** Why a file could not be recognised or parsed. */
export type FormatErrorCode = "invalid_path" | "ambiguous_format" | "detector_failed" | "parse_failed";

/**
 * A file-level problem, printable as `file: field: reason` by `keyward import`. Never put
 * file content in `reason`: the file may hold secrets.
 */
export class FormatError extends SdkError {
  declare readonly code: FormatErrorCode;
  readonly file: string;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly reason: string;

  constructor(code: FormatErrorCode, details: { file: string; field?: string; line?: number; reason: string }) {
    const where = [details.file, details.line !== undefined ? `line ${details.line}` : undefined, details.field]
      .filter((part) => part !== undefined && part !== "")
      .join(": ");
    super(code, `${where}: ${details.reason}`);
    this.file = details.file;
    this.field = details.field;
    this.line = details.line;
    this.reason = details.reason;
  }
}

/** Identity helper giving a format its type; formats are validated by `defineConnector`. */
export function defineFormat(format: FormatDefinition): FormatDefinition {
  return Object.freeze({ ...format });
}

/** Normalises an import path: posix separators, no leading "./", never absolute or escaping. */
function normaliseImportPath(path: string): string {
  const posix = path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  if (posix === "" || posix.startsWith("/") || /^[a-z]:\//i.test(posix) || posix.split("/").includes("..")) {
    throw new FormatError("invalid_path", { file: path, reason: "path must be relative to the import root" });
  }
  return posix;
}

/**
 * Builds the `InspectedFile` detectors look at: decoded text (BOM removed), the parsed JSON
 * when the content is a JSON object or array, and the CSV header otherwise.
 */
export function inspectFile(path: string, bytes: Uint8Array | string): InspectedFile {
  const file = normaliseImportPath(path);
  const raw = typeof bytes === "string" ? new Uint8Array(Buffer.from(bytes, "utf8")) : bytes;
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const head = text.trimStart()[0];
  if (head === "{" || head === "[") {
    try {
      return { path: file, bytes: raw, text, json: JSON.parse(text) as unknown };
    } catch {
      // Not JSON after all (e.g. a CSV whose first cell starts with "["): fall through.
    }
  }
  if (text.includes("\0")) return { path: file, bytes: raw, text };
  const header = parseFirstCsvRecord(text);
  if (header && header.length >= 2) return { path: file, bytes: raw, text, csvHeader: header.map((h) => h.trim()) };
  return { path: file, bytes: raw, text };
}

function confidenceOf(format: FormatDefinition, file: InspectedFile): number {
  let answer: boolean | number;
  try {
    answer = format.detect(file);
  } catch (error) {
    const reason = `detector "${format.id}" failed: ${error instanceof Error ? error.name : "error"}`;
    throw new FormatError("detector_failed", { file: file.path, reason });
  }
  const value = typeof answer === "boolean" ? Number(answer) : answer;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new FormatError("detector_failed", { file: file.path, reason: `detector "${format.id}" returned ${value}` });
  }
  return value;
}

/**
 * Picks the format most confident about `file`, or null when none recognises it (the importer
 * then lists the file as unrecognised). Two formats tied at the top is a bug in their
 * detectors, reported as `ambiguous_format` rather than settled by declaration order.
 */
export function detectFormat(file: InspectedFile, formats: readonly FormatDefinition[]): DetectedFormat | null {
  const scored = formats
    .map((format) => ({ format, confidence: confidenceOf(format, file) }))
    .filter((entry) => entry.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
  const [best, second] = scored;
  if (!best) return null;
  if (second && second.confidence === best.confidence) {
    const ids = scored.filter((s) => s.confidence === best.confidence).map((s) => s.format.id);
    throw new FormatError("ambiguous_format", { file: file.path, reason: `matches ${ids.join(" and ")} equally` });
  }
  return best;
}

/**
 * Validates a parsed file (default: its JSON) with a zod schema, turning the first issue into a
 * `FormatError` with the field path. zod's messages describe the expected shape, not the input.
 */
export function parseFileWith<T>(file: InspectedFile, schema: z.ZodType<T>, value: unknown = file.json): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new FormatError("parse_failed", {
    file: file.path,
    field: issue?.path.map(String).join(".") || undefined,
    reason: issue?.message ?? "unexpected content",
  });
}
