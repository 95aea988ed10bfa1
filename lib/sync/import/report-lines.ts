import type { FileProblem, FileReport, ImportReport, SourceReport } from "@/lib/sync/import/import-types";
import type { KindCounts } from "@/lib/sync/types";

/*
 * The import report as lines for a person: one per file, one per problem (`file: line N: field:
 * reason`), one per source run, then the notes. Nothing here can hold file content: problems
 * carry field names and reasons only.
 */

const STATUS_TEXT: Record<FileReport["status"], string> = {
  ok: "",
  unrecognised: "unrecognised format",
  invalid: "malformed, not loaded",
  skipped: "skipped",
};

export function problemLine(path: string, problem: FileProblem): string {
  return [path, problem.line !== undefined ? `line ${problem.line}` : undefined, problem.field, problem.reason]
    .filter((part) => part !== undefined && part !== "")
    .join(": ");
}

function fileLine(file: FileReport): string {
  const status =
    file.status === "ok" ? `${file.records} record(s)${file.loaded ? ", loaded" : ", not loaded"}` : STATUS_TEXT[file.status];
  return [file.path, file.format ?? "-", status].join("  ");
}

const KIND_ORDER = ["identity", "credential", "resource", "person", "edge"] as const;

function countsText(counts: Partial<Record<string, KindCounts>>): string {
  const parts = KIND_ORDER.filter((kind) => counts[kind]).map((kind) => {
    const c = counts[kind]!;
    const changes = (["added", "updated", "returned", "gone"] as const).filter((k) => c[k] > 0).map((k) => `${c[k]} ${k}`);
    return `${kind}: ${[...changes, `${c.unchanged} unchanged`].join(", ")}`;
  });
  return parts.length > 0 ? parts.join("; ") : "no records";
}

function sourceLine(source: SourceReport): string {
  return `source "${source.name}" (${source.provider}): ${source.summary.status} — ${countsText(source.summary.counts)}`;
}

/** Every line of the human-readable report, in print order. */
export function reportLines(report: ImportReport): string[] {
  const lines = report.files.map(fileLine);
  for (const file of report.files) {
    if (file.status === "unrecognised" && file.errors.length === 0)
      lines.push(problemLine(file.path, { reason: "no known format recognises this file" }));
    for (const problem of file.errors) lines.push(problemLine(file.path, problem));
  }
  lines.push(...report.sources.map(sourceLine), ...report.notes);
  return lines;
}
