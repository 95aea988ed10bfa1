import "server-only";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { evaluateAfterLoad } from "@/lib/policy/evaluate-after-load";
import { resolveDatabaseUrl } from "@/lib/runtime/database";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { parseSourceId } from "@/lib/sources/read-sources";
import { importPath } from "@/lib/sync/import/import-path";
import { ImportError, type FileStatus } from "@/lib/sync/import/import-types";
import { SyncError } from "@/lib/sync/errors";

/** Largest upload in total: exports are kilobytes to tens of megabytes; this bounds the temp disk used. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** Most files in one upload (a folder of per-user API responses can hold hundreds). */
export const MAX_UPLOAD_FILES = 2_000;

/** One uploaded file; `name` may be a relative path (a folder upload), which formats use for parents. */
export type UploadedFile = { name: string; data: Uint8Array };

export type UploadFileReport = { path: string; status: FileStatus; format: string | null; records: number; loaded: boolean; errors: string[] };

export type UploadReport = {
  ok: boolean;
  files: UploadFileReport[];
  notes: string[];
  run: { status: string; counts: Record<string, unknown> } | null;
};

/** Path segments a browser may send, made safe: no absolute paths, no `..`, no control characters. */
export function safeRelativePath(name: string): string | null {
  const segments = name
    .split(/[\\/]+/)
    .map((segment) => segment.replace(/[\p{Cc}]/gu, "").trim())
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..");
  if (segments.length === 0) return null;
  return segments.map((segment) => segment.slice(0, 200)).join("/");
}

/** Refuses an upload over the caps before anything is written. */
export function checkUploadSize(files: readonly UploadedFile[]): void {
  if (files.length === 0) throw new AppError("INVALID_INPUT", "Choose at least one file to import.", "files");
  if (files.length > MAX_UPLOAD_FILES) throw new AppError("INVALID_INPUT", `Upload at most ${MAX_UPLOAD_FILES} files at once.`, "files");
  const total = files.reduce((sum, file) => sum + file.data.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES) {
    throw new AppError("INVALID_INPUT", `The upload is ${(total / 1048576).toFixed(1)} MiB; at most ${MAX_UPLOAD_BYTES / 1048576} MiB can be imported at once.`, "files");
  }
}

async function writeUpload(root: string, files: readonly UploadedFile[]): Promise<void> {
  const used = new Set<string>();
  for (const file of files) {
    const relative = safeRelativePath(file.name);
    if (!relative) throw new AppError("INVALID_INPUT", "An uploaded file has no usable name.", "files");
    // Two files of one name (from different folders flattened by the browser) must both be read.
    let unique = relative;
    for (let n = 2; used.has(unique); n++) unique = `${relative} (${n})`;
    used.add(unique);
    // The folder is a fresh temporary one per upload, not project files: nothing for the bundler to trace.
    const target = path.join(/*turbopackIgnore: true*/ root, unique);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.data, { flag: "wx" });
  }
}

/**
 * Offline import by upload: the files go to a private temporary folder and through the same code
 * path as `keyward import` (lib/sync/import), into this source. Every file is parsed and checked
 * first, so nothing loads when any file is malformed. `complete` declares the files the source's
 * full inventory (records they no longer hold are retired). The folder is removed afterwards.
 * Audited `import.uploaded` (paths as the import report shows them: secret-looking names redacted).
 */
export async function importUploadedFiles(
  caller: Caller,
  id: string,
  files: readonly UploadedFile[],
  options: { complete?: boolean; connectionString?: string } = {},
): Promise<UploadReport> {
  requirePermission(caller, "sync:run");
  const sourceId = parseSourceId(id);
  checkUploadSize(files);
  const source = await getDb().source.findUnique({ where: { id: sourceId }, select: { name: true, environment: true } });
  if (!source) throw new AppError("NOT_FOUND", "That source does not exist.");
  const connectionString = options.connectionString ?? resolveDatabaseUrl();
  const keys = getInstanceKeys();
  const actor = callerAsActor(caller);
  const root = await fs.mkdtemp(path.join(/*turbopackIgnore: true*/ os.tmpdir(), "keyward-upload-"));
  try {
    await writeUpload(root, files);
    const report = await importPath(root, {
      source: source.name,
      environment: source.environment ?? undefined,
      complete: options.complete === true,
      connectionString,
      keys: { fingerprintKey: keys.fingerprintKey, auditKey: keys.auditKey },
      actor,
    }).catch((error: unknown) => {
      // Whole-import refusals (files of another provider, of several providers) name the problem, not content.
      if (error instanceof ImportError || error instanceof SyncError) throw new AppError("INVALID_INPUT", error.message, "files");
      throw error;
    });
    const summary = report.sources[0]?.summary ?? null;
    const result: UploadReport = {
      ok: report.ok,
      files: report.files.map((file) => ({
        path: path.relative(root, file.path) || path.basename(file.path),
        status: file.status,
        format: file.format,
        records: file.records,
        loaded: file.loaded,
        errors: file.errors.map((e) => [e.line !== undefined ? `line ${e.line}` : null, e.field ?? null, e.reason].filter(Boolean).join(": ")),
      })),
      notes: report.notes,
      run: summary ? { status: summary.status, counts: summary.counts } : null,
    };
    await getDb().$transaction((tx) =>
      appendAuditEvent(tx, {
        actor,
        action: "import.uploaded",
        target: { type: "source", id: sourceId },
        summary: {
          name: source.name,
          complete: options.complete === true,
          ok: result.ok,
          runId: report.sources[0]?.summary.runId ?? null,
          files: result.files.map((file) => ({ path: file.path, status: file.status, format: file.format, records: file.records })),
        },
      }),
    );
    // Findings follow the inventory, as after `keyward import`.
    if (report.sources.length > 0) await evaluateAfterLoad(connectionString, actor, keys.auditKey);
    return result;
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
