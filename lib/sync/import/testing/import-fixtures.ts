import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ImportOptions } from "@/lib/sync/import/import-types";
import { query } from "@/lib/sync/testing/run-fixtures";

/** Helpers of the importer's integration tests (never imported by production code). */

export const DEMO_DIR = path.resolve(import.meta.dirname, "../../../../demo");
export const IMPORT_KEYS = { fingerprintKey: Buffer.alloc(32, 9), auditKey: Buffer.alloc(32, 7) };
export const IMPORT_ACTOR = { type: "system" as const, label: "import test" };

export function importOptions(url: string, extra: Partial<ImportOptions> = {}): ImportOptions {
  return { connectionString: url, keys: IMPORT_KEYS, actor: IMPORT_ACTOR, ...extra };
}

/** A temporary folder with the given files (path → content); removed by the returned function. */
export function tempFolder(files: Record<string, string> = {}): {
  dir: string;
  write: (rel: string, content: string) => void;
  remove: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-import-int-"));
  const write = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  };
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  return { dir, write, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const keywardDoc = (sections: object) => JSON.stringify({ keyward: "inventory/v1", ...sections }, null, 2);
export const identityEntry = (id: string, extra: object = {}) => ({
  externalType: "keyward.identity",
  externalId: id,
  name: id,
  type: "service_account",
  ...extra,
});

/** Row counts of every table an import can write. */
export async function tableCounts(url: string): Promise<Record<string, number>> {
  const tables = ["sources", "sync_runs", "identities", "credentials", "resources", "people", "edges", "audit_events"];
  const out: Record<string, number> = {};
  for (const table of tables)
    out[table] = Number((await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM ${table}`))[0]!.n);
  return out;
}

export const EMPTY_COUNTS = {
  sources: 0,
  sync_runs: 0,
  identities: 0,
  credentials: 0,
  resources: 0,
  people: 0,
  edges: 0,
  audit_events: 0,
};
