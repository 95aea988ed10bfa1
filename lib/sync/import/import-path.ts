import "server-only";
import fs from "node:fs/promises";
import { assertSchemaReady } from "@/lib/sync/import/assert-schema";
import { ImportError, type ImportOptions, type ImportReport } from "@/lib/sync/import/import-types";
import { planSources } from "@/lib/sync/import/plan-units";
import { readImportRoot } from "@/lib/sync/import/read-import-root";
import { runSourcePlan } from "@/lib/sync/import/run-source-plan";

/** Longest environment name accepted (it is stored on every record that names none). */
const MAX_ENVIRONMENT_CHARS = 100;

function checkOptions(options: ImportOptions): void {
  const env = options.environment;
  const printable = env !== undefined && [...env].every((c) => c >= " ");
  if (env !== undefined && (env.trim() === "" || env.length > MAX_ENVIRONMENT_CHARS || !printable)) {
    throw new ImportError("INVALID_OPTION", `--environment must be 1 to ${MAX_ENVIRONMENT_CHARS} printable characters`);
  }
  if (typeof options.source === "string" && (options.source.trim() === "" || options.source.length > 100)) {
    throw new ImportError("INVALID_OPTION", "--source must be 1 to 100 characters");
  }
}

/**
 * `keyward import`: loads a file or a directory of export files through the same transform and
 * loader as a live sync, one run per source. Everything is parsed and checked first; if any file
 * is malformed NOTHING is loaded (a half-loaded directory is worse than none, and "a malformed
 * file changes nothing" is a contract). Unrecognised files are listed; the others load, but a
 * `complete` import then retires nothing, since the unread file may hold the records.
 */
export async function importPath(root: string, options: ImportOptions): Promise<ImportReport> {
  checkOptions(options);
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat) throw new ImportError("NOT_FOUND", `${root}: no such file or directory`);
  await assertSchemaReady(options.connectionString);

  const files = await readImportRoot(root, stat.isDirectory(), options);
  const reports = files.map((file) => file.report);
  const notes: string[] = [];
  const invalid = reports.filter((r) => r.status === "invalid");
  if (invalid.length > 0) {
    notes.push(`nothing was loaded: ${invalid.length} file(s) are malformed; fix them and import again`);
    return { ok: false, files: reports, sources: [], notes };
  }
  if (reports.length === 0) notes.push("no files to import");
  const unread = reports.filter((r) => r.status === "unrecognised" || r.status === "skipped");
  const sweep = options.complete === true && unread.length === 0;
  if (options.complete && !sweep)
    notes.push(`nothing was marked gone: ${unread.length} file(s) were not read, so the files are not known to be complete`);

  const plans = planSources(files, options.source);
  const sources = [];
  for (const plan of plans) {
    options.log?.(`loading ${plan.files.length} file(s) into source "${plan.name}" (${plan.provider})`);
    sources.push(await runSourcePlan(plan, { ...options, sweep }, notes));
  }
  const ok =
    reports.length > 0 &&
    reports.every((r) => r.status === "ok" && r.loaded) &&
    sources.every((s) => s.summary.status === "succeeded");
  return { ok, files: reports, sources, notes };
}
