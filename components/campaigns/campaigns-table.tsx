import Link from "next/link";
import { CampaignStatusBadge, ProgressBar } from "@/components/campaigns/campaign-badges";
import { Card } from "@/components/ui/card";
import type { CampaignDto } from "@/lib/campaigns/campaign-types";

/** Every campaign with its state, progress, due date and who reviews. */
export function CampaignsTable({ campaigns, reviewers }: {
  campaigns: CampaignDto[];
  /** Campaign id → how many people review its items (absent: not known, shown as a dash). */
  reviewers: Record<string, number>;
}) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Campaigns</caption>
        <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Decided</th>
            <th className="px-3 py-2 font-medium">Due</th>
            <th className="px-3 py-2 text-right font-medium">Reviewers</th>
            <th className="px-3 py-2 font-medium">Recurs</th>
            <th className="px-3 py-2 font-medium">Created by</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id} className="border-t border-border">
              <td className="px-3 py-2">
                <Link href={`/campaigns/${c.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
                  {c.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                <CampaignStatusBadge status={c.status} />
              </td>
              <td className="px-3 py-2">{c.status === "DRAFT" ? <span className="text-xs text-muted">not started</span> : <ProgressBar decided={c.progress.decided} items={c.progress.items} />}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                <time dateTime={c.dueAt} title={c.dueAt}>
                  {c.dueAt.slice(0, 10)}
                </time>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{c.status === "DRAFT" || reviewers[c.id] === undefined ? "—" : reviewers[c.id]!.toLocaleString("en")}</td>
              <td className="px-3 py-2 font-mono text-xs">{c.recurrence ?? "—"}</td>
              <td className="px-3 py-2 text-xs text-muted">{c.createdBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
