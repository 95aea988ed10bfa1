import "server-only";
import fs from "node:fs/promises";
import { detectFormat, FormatError, inspectFile, type AnyConnectorDefinition, type FormatBatch } from "@/connectors/sdk";
import { allFormats, connectorOfFormat } from "@/connectors/registry";
import type { FileProblem, FileReport } from "@/lib/sync/import/import-types";

/**
 * Largest file read. V8 strings stop near 512 MiB and a file is held as bytes and as text; larger
 * exports must be split into several files (the importer reads a directory).
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A file after recognition and parsing; `batches` is empty unless the report says "ok". */
export type ParsedFile = {
  report: FileReport;
  connector: AnyConnectorDefinition | undefined;
  batches: readonly FormatBatch[];
};

/** A format may report several problems at once (a `problems` list on its FormatError). */
function problemsOf(error: FormatError): FileProblem[] {
  const listed = (error as FormatError & { problems?: unknown }).problems;
  if (Array.isArray(listed) && listed.length > 0) return listed as FileProblem[];
  return [{ field: error.field, line: error.line, reason: error.reason }];
}

const report = (path: string, patch: Partial<FileReport>): FileReport => ({
  path,
  status: "ok",
  format: null,
  provider: null,
  records: 0,
  loaded: false,
  errors: [],
  ...patch,
});

/**
 * Reads one file and recognises its format from its content. Problems become the file's report,
 * never exceptions: one bad file must not hide what is wrong with the others. Format errors carry
 * no file content (SDK rule); a parser that crashes is reported by error name only, for the same
 * reason.
 */
export async function readImportFile(absPath: string, relPath: string, display: string, size: number): Promise<ParsedFile> {
  if (size > MAX_FILE_BYTES) {
    const reason = `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; split it into several files`;
    return { report: report(display, { status: "skipped", errors: [{ reason }] }), connector: undefined, batches: [] };
  }
  const bytes = await fs.readFile(absPath);
  let format;
  let file;
  try {
    file = inspectFile(relPath, bytes);
    format = detectFormat(file, allFormats())?.format;
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return { report: report(display, { status: "unrecognised", errors: problemsOf(error) }), connector: undefined, batches: [] };
  }
  if (!format) return { report: report(display, { status: "unrecognised" }), connector: undefined, batches: [] };
  const connector = connectorOfFormat(format);
  const base = { format: format.id, provider: connector.provider };
  try {
    const batches = format.parse(file);
    return { report: report(display, base), connector, batches };
  } catch (error) {
    const errors =
      error instanceof FormatError
        ? problemsOf(error)
        : [{ reason: `the ${format.id} parser failed (${(error as Error)?.name ?? "error"})` }];
    return { report: report(display, { ...base, status: "invalid", errors }), connector, batches: [] };
  }
}
