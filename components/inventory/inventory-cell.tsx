import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InventoryKindProp, InventoryRow } from "@/components/inventory/inventory-types";

/*
 * One cell of the inventory table. Every value is rendered as React text (escaped), never as
 * HTML: names and ids come from the sources and may hold anything.
 */

const STATUS_CLASSES: Record<string, string> = {
  active: "bg-ok/15 text-ok",
  gone: "bg-surface-2 text-muted line-through",
  revoked: "bg-danger/10 text-danger",
  expired: "bg-danger/10 text-danger",
};

const DETAIL_PATH: Record<InventoryKindProp, string> = { credentials: "/inventory/credentials", identities: "/inventory/identities" };

function When({ iso, now, empty = "—" }: { iso: string | null; now: Date; empty?: string }) {
  return iso ? <RelativeTime iso={iso} now={now} /> : <span className="text-muted">{empty}</span>;
}

/** Columns whose values are numbers: right-aligned, as tables of figures are. */
export const NUMERIC_COLUMNS = new Set(["findings", "credentials"]);

export function InventoryCell({ column, row, kind, now }: { column: string; row: InventoryRow; kind: InventoryKindProp; now: Date }) {
  switch (column) {
    case "name":
      return (
        <Link href={`${DETAIL_PATH[kind]}/${row.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
          {row.name}
        </Link>
      );
    case "type":
      return <span className="font-mono text-xs">{row.type}</span>;
    case "source":
      return (
        <span title={row.sourceName}>
          {row.sourceProvider} <span className="text-xs text-muted">{row.sourceName}</span>
        </span>
      );
    case "identity":
      return row.identity ? (
        <Link href={`${DETAIL_PATH.identities}/${row.identity.id}`} className="underline-offset-2 hover:underline">
          {row.identity.name}
        </Link>
      ) : (
        <span className="text-muted">—</span>
      );
    case "environment":
      return row.environment ?? <span className="text-muted">—</span>;
    case "status":
      return <Badge className={STATUS_CLASSES[row.status]}>{row.status}</Badge>;
    case "owner":
      return row.owner ? (
        <span>
          {row.owner.email}
          {row.owner.kind === "suggested" ? <span className="ml-1 text-xs text-muted">(suggested)</span> : null}
        </span>
      ) : (
        <span className="text-danger">none</span>
      );
    case "created":
      return <When iso={row.createdAt} now={now} empty="unknown" />;
    case "rotated":
      return <When iso={row.rotatedAt} now={now} empty="unknown" />;
    case "lastUsed":
      return <When iso={row.lastUsedAt} now={now} empty="never" />;
    case "expires":
      return <When iso={row.expiresAt} now={now} empty="never" />;
    case "lastActivity":
      return <When iso={row.lastActivityAt} now={now} empty="never" />;
    case "credentials":
      return <span className="tabular-nums">{row.credentials ?? 0}</span>;
    case "findings":
      return row.openFindings > 0 ? (
        <Badge className="bg-sev-high/15 text-sev-high tabular-nums">{row.openFindings}</Badge>
      ) : (
        <span className="tabular-nums text-muted">0</span>
      );
    default:
      return null;
  }
}
