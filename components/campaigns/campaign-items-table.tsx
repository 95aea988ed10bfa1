import Link from "next/link";
import { BASIS_LABELS, DecisionBadge } from "@/components/campaigns/campaign-badges";
import { Card } from "@/components/ui/card";
import type { EvidenceItemDto } from "@/lib/campaigns/campaign-types";

/** One page of a campaign's items: the identity, who reviews it and what they decided. */
export function CampaignItemsTable({ items }: { items: EvidenceItemDto[] }) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Campaign items</caption>
        <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Identity</th>
            <th className="px-3 py-2 font-medium">Reviewer</th>
            <th className="px-3 py-2 font-medium">Decision</th>
            <th className="px-3 py-2 font-medium">Decided by</th>
            <th className="px-3 py-2 font-medium">Comment</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.itemId} className="border-t border-border align-top">
              <td className="px-3 py-2">
                {i.identityId ? (
                  <Link href={`/inventory/identities/${i.identityId}`} className="text-accent underline-offset-2 hover:underline">
                    {i.identityName}
                  </Link>
                ) : (
                  i.identityName
                )}
                <div className="text-xs text-muted">
                  {i.identityType} · {i.sourceName}
                  {i.environment ? ` · ${i.environment}` : ""}
                </div>
              </td>
              <td className="px-3 py-2">
                {i.reviewerEmail}
                <div className="text-xs text-muted">
                  {BASIS_LABELS[i.reviewerBasis] ?? i.reviewerBasis}
                  {i.delegatedBy ? ` by ${i.delegatedBy}` : ""}
                  {i.escalationLevel > 0 ? ` · escalated ${i.escalationLevel}×` : ""}
                </div>
              </td>
              <td className="px-3 py-2">
                <DecisionBadge decision={i.decision} byDefault={i.decidedByDefault} />
                {i.newOwnerEmail ? <div className="text-xs text-muted">to {i.newOwnerEmail}</div> : null}
                {i.newEndDate ? <div className="text-xs text-muted">until {i.newEndDate.slice(0, 10)}</div> : null}
              </td>
              <td className="px-3 py-2 text-xs">
                {i.decidedBy ?? "—"}
                {i.decidedAt ? (
                  <div className="text-muted">
                    <time dateTime={i.decidedAt} title={i.decidedAt}>
                      {i.decidedAt.slice(0, 16).replace("T", " ")} UTC
                    </time>
                  </div>
                ) : null}
              </td>
              <td className="max-w-sm px-3 py-2 text-xs text-muted">{i.comment ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** Revoke and rotate decisions of a closed campaign, tracked to done. */
export function RemediationTable({ items }: { items: EvidenceItemDto[] }) {
  const tasks = items.filter((i) => i.remediation);
  if (tasks.length === 0) return <p className="text-sm text-muted">No remediation tasks: nothing was revoked or rotated.</p>;
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Remediation tasks</caption>
        <thead className="bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Identity</th>
            <th className="px-3 py-2 font-medium">Task</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Done</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((i) => (
            <tr key={i.itemId} className="border-t border-border">
              <td className="px-3 py-2">{i.identityName}</td>
              <td className="px-3 py-2">{i.remediation!.action}</td>
              <td className="px-3 py-2">{i.remediation!.status === "DONE" ? <span className="text-ok">done</span> : <span className="text-sev-medium">open</span>}</td>
              <td className="px-3 py-2 text-xs text-muted">
                {i.remediation!.doneAt ? `${i.remediation!.doneAt.slice(0, 10)} by ${i.remediation!.doneBy ?? "?"} (${i.remediation!.resolution ?? ""})` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
