import "server-only";
import { requirePermission, type Caller } from "@/lib/auth/session-context";
import { AppError } from "@/lib/errors";
import { getDb, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { exportEdges, exportFindings, exportPeople } from "@/lib/inventory/export-graph";
import { exportCredentials, exportIdentities, exportResources, loadSourceNames } from "@/lib/inventory/export-nodes";
import { EXPORT_FORMAT, type InventoryExport } from "@/lib/inventory/export-types";
import type { ExportDb, ExportWindow } from "@/lib/inventory/export-window";

export type ExportOptions = {
  /** Point in time to export (PRODUCT.md `--as-of`); default now. */
  asOf?: Date;
  /** Also list records retired by `asOf`, with status "gone". */
  includeGone?: boolean;
  /** Database client (or transaction); default the process-wide one. */
  db?: ExportDb;
};

/**
 * The inventory as the export document of PRODUCT.md "Contracts" (docs/export-schema/v1.md).
 * Sections are async iterables read page by page when consumed, so a million credentials never
 * sit in one array; consume them in document order (they share one client, not one snapshot).
 */
export async function exportInventory(caller: Caller, options: ExportOptions = {}): Promise<InventoryExport> {
  requirePermission(caller, "reports:export");
  const asOf = options.asOf ?? new Date();
  if (Number.isNaN(asOf.getTime())) throw new AppError("INVALID_INPUT", "asOf must be a valid instant", "asOf");
  const db = options.db ?? getDb();
  const window: ExportWindow = { asOf, includeGone: options.includeGone === true };
  const sources = await loadSourceNames(db);
  return {
    keyward: EXPORT_FORMAT,
    asOf: asOf.toISOString(),
    identities: exportIdentities(db, window, sources),
    credentials: exportCredentials(db, window, sources),
    resources: exportResources(db, window, sources),
    edges: exportEdges(db, window, sources),
    people: exportPeople(db, window),
    findings: exportFindings(db, window),
  };
}

/** Longest an export may hold its snapshot open (a million rows take minutes, not hours). */
const SNAPSHOT_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Runs `consume` on an export read from ONE repeatable-read snapshot, so a sync committing
 * meanwhile cannot make credentials point at identities the export left out.
 */
export async function withInventorySnapshot<T>(
  caller: Caller,
  options: Omit<ExportOptions, "db"> & { db?: Db },
  consume: (document: InventoryExport) => Promise<T>,
): Promise<T> {
  requirePermission(caller, "reports:export");
  const db = options.db ?? getDb();
  return db.$transaction(async (tx) => consume(await exportInventory(caller, { ...options, db: tx })), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: SNAPSHOT_TIMEOUT_MS,
    maxWait: 30_000,
  });
}
