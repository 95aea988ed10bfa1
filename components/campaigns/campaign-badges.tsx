import type { CampaignStatus, Decision } from "@/lib/campaigns/campaign-types";
import { Badge } from "@/components/ui/badge";

const STATUS_CLASSES: Record<CampaignStatus, string> = {
  DRAFT: "bg-surface-2 text-muted",
  ACTIVE: "bg-accent/12 text-accent",
  CLOSED: "bg-ok/12 text-ok",
  CANCELLED: "bg-danger/10 text-danger",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge className={STATUS_CLASSES[status]}>{status.toLowerCase()}</Badge>;
}

/** Revoke and rotate ask for work (a remediation task); the others leave the identity as it is. */
const DECISION_CLASSES: Record<Decision, string> = {
  keep: "bg-ok/12 text-ok",
  revoke: "bg-danger/10 text-danger",
  rotate: "bg-sev-medium/15 text-sev-medium",
  reassign: "bg-accent/12 text-accent",
  extend: "bg-surface-2 text-fg",
};

export function DecisionBadge({ decision, byDefault = false }: { decision: Decision | null; byDefault?: boolean }) {
  if (!decision) return <Badge>pending</Badge>;
  return (
    <Badge className={DECISION_CLASSES[decision]}>
      {decision}
      {byDefault ? " (default)" : ""}
    </Badge>
  );
}

/** Who reviews an item, and why them. */
export const BASIS_LABELS: Record<string, string> = {
  owner: "owner",
  backup: "backup owner",
  manager: "owner's manager",
  security_queue: "security queue",
  delegated: "delegated",
  escalated: "escalated",
};

/** "12 of 40 decided", with a bar. */
export function ProgressBar({ decided, items }: { decided: number; items: number }) {
  const share = items === 0 ? 0 : Math.round((decided / items) * 100);
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 w-24 overflow-hidden rounded bg-surface-2" role="progressbar" aria-valuemin={0} aria-valuemax={items} aria-valuenow={decided} aria-label="Decided">
        <div className="h-full bg-accent" style={{ width: `${share}%` }} />
      </div>
      <span className="whitespace-nowrap text-xs tabular-nums text-muted">
        {decided.toLocaleString("en")} / {items.toLocaleString("en")}
      </span>
    </div>
  );
}
