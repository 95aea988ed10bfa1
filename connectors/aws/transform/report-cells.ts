import { toIsoTimestamp } from "../../sdk";
import type { CredentialReportRow } from "../schemas";

/*
 * Credential report cells: `true`/`false`, ISO timestamps, and the documented sentinels `N/A`
 * (never used, or nothing to report), `no_information` (not used since IAM began tracking, Oct 2014)
 * and `not_supported` (the root user's password columns).
 */

const SENTINELS = new Set(["n/a", "no_information", "not_supported", ""]);

export const reportFlag = (cell: string | undefined): boolean => cell?.trim().toLowerCase() === "true";

export function reportTime(cell: string | undefined): string | undefined {
  if (cell === undefined || SENTINELS.has(cell.trim().toLowerCase())) return undefined;
  return toIsoTimestamp(cell);
}

export const reportText = (cell: string | undefined): string | undefined =>
  cell === undefined || SENTINELS.has(cell.trim().toLowerCase()) ? undefined : cell.trim();

/** An access key slot of the report: the report names no key id, only slot 1 or 2. */
export interface ReportKeySlot {
  readonly slot: 1 | 2;
  readonly active: boolean;
  readonly lastRotatedAt?: string;
  readonly lastUsedAt?: string;
  readonly lastUsedRegion?: string;
  readonly lastUsedService?: string;
  /** `used`, `never` (N/A) or `no_information` (before IAM tracked use). */
  readonly lastUse: "used" | "never" | "no_information";
}

export function reportKeySlots(row: CredentialReportRow): ReportKeySlot[] {
  return ([1, 2] as const).flatMap((slot): ReportKeySlot[] => {
    const cell = (name: string) => row[`access_key_${slot}_${name}`];
    const lastRotatedAt = reportTime(cell("last_rotated"));
    // A slot never filled has N/A everywhere and is not a key.
    if (!lastRotatedAt && !reportFlag(cell("active"))) return [];
    const lastUsedAt = reportTime(cell("last_used_date"));
    const lastUseCell = cell("last_used_date")?.trim().toLowerCase();
    return [
      {
        slot,
        active: reportFlag(cell("active")),
        ...(lastRotatedAt ? { lastRotatedAt } : {}),
        ...(lastUsedAt ? { lastUsedAt } : {}),
        ...(reportText(cell("last_used_region")) ? { lastUsedRegion: reportText(cell("last_used_region")) } : {}),
        ...(reportText(cell("last_used_service")) ? { lastUsedService: reportText(cell("last_used_service")) } : {}),
        lastUse: lastUsedAt ? "used" : lastUseCell === "no_information" ? "no_information" : "never",
      },
    ];
  });
}
