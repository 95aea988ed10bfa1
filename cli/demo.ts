import path from "node:path";
import { getDb, type Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { resolveDatabaseUrl } from "@/lib/runtime/database";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { importPath } from "@/lib/sync/import/import-path";
import { evaluateAfterLoad, evaluationLine } from "@/lib/policy/evaluate-after-load";
import { problemLine } from "@/lib/sync/import/report-lines";
import type { ImportReport } from "@/lib/sync/import/import-types";

/** Demo sources are named after their provider, so they are easy to recognise and delete. */
export const demoSourceName = (provider: string) => `demo-${provider}`;

function summary(report: ImportReport): string {
  const totals: Record<string, number> = {};
  for (const source of report.sources) {
    for (const [kind, counts] of Object.entries(source.summary.counts)) totals[kind] = (totals[kind] ?? 0) + (counts?.added ?? 0);
  }
  const plural: Record<string, string> = {
    identity: "identities",
    credential: "credentials",
    resource: "resources",
    edge: "edges",
    person: "people",
  };
  const parts = Object.entries(plural).map(([kind, word]) => `${totals[kind] ?? 0} ${word}`);
  return `demo organisation loaded from ${report.files.length} files: ${parts.join(", ")}`;
}

/** Defaults are the running instance's; tests pass their own database and keys. */
export type DemoOptions = {
  dir?: string;
  connectionString?: string;
  db?: Pick<Db, "source">;
  keys?: { fingerprintKey: Buffer; auditKey: Buffer };
};

/**
 * Loads the demo organisation (`demo/`) on the very first start — when no source exists yet —
 * through the same import pipeline as `keyward import`. Once anything is loaded (the demo or real
 * data) it does nothing, so it is safe on every start.
 */
export async function loadDemoOnFirstStart(log: (line: string) => void, options: DemoOptions = {}): Promise<void> {
  if ((await (options.db ?? getDb()).source.count()) > 0) return;
  const keys = options.keys ?? getInstanceKeys();
  const report = await importPath(options.dir ?? path.join(getEnv().homeDir, "demo"), {
    source: demoSourceName,
    connectionString: options.connectionString ?? resolveDatabaseUrl(),
    keys: { fingerprintKey: keys.fingerprintKey, auditKey: keys.auditKey },
    actor: { type: "system", label: "demo loader" },
  });
  if (report.ok) {
    log(summary(report));
    const connectionString = options.connectionString ?? resolveDatabaseUrl();
    log(evaluationLine(await evaluateAfterLoad(connectionString, { type: "system", label: "demo loader" }, keys.auditKey)));
    return;
  }
  log("the demo organisation could not be loaded:");
  for (const file of report.files) for (const problem of file.errors) log(`  ${problemLine(file.path, problem)}`);
  for (const note of report.notes) log(`  ${note}`);
}
