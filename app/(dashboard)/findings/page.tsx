import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { countFindingsByRule } from "@/lib/policy/count-findings";
import { listFindings } from "@/lib/policy/list-findings";
import { ComingArea } from "@/components/shell/coming-area";
import { FindingsList } from "@/components/findings/findings-list";
import { RuleOverview } from "@/components/findings/rule-overview";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Findings" };

/** How many open findings the page lists; the rule overview counts all of them. */
const LIST_LIMIT = 100;

export default async function FindingsPage() {
  const caller = await requirePageCaller("inventory:read");
  const triage = roleCan(caller.role, "findings:triage");
  const counts = triage ? await countFindingsByRule(caller) : [];
  const open = await listFindings(caller, { statuses: ["open"], limit: LIST_LIMIT });
  const openTotal = triage ? counts.filter((c) => c.status === "open").reduce((sum, c) => sum + c.count, 0) : open.length;
  if (counts.length === 0 && open.length === 0) {
    return (
      <ComingArea
        title="Findings"
        description="Policy violations mapped to the OWASP Non-Human Identities Top 10: stale keys, missing owners, secrets in code, over-privileged identities."
        emptyTitle="No findings"
      >
        Policies are evaluated after every import and sync (<code className="font-mono">npx keyward findings --evaluate</code> runs them
        on demand). Nothing violates them right now.
      </ComingArea>
    );
  }
  return (
    <>
      <PageHeader
        title="Findings"
        description="Policy violations mapped to the OWASP Non-Human Identities Top 10. A finding resolves by itself when its condition clears."
      />
      {triage ? <RuleOverview counts={counts} /> : null}
      <h2 className="mb-2 text-sm font-semibold">Open findings, most severe first</h2>
      <FindingsList findings={open} total={openTotal} />
    </>
  );
}
