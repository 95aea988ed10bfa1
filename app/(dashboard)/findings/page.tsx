import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import Link from "next/link";
import { roleCan } from "@/lib/auth/permissions";
import { getCatalogue } from "@/lib/policy/catalogue";
import { countFindingsByRule } from "@/lib/policy/count-findings";
import { listFindings } from "@/lib/policy/list-findings";
import { ComingArea } from "@/components/shell/coming-area";
import { FindingsList } from "@/components/findings/findings-list";
import { RuleOverview } from "@/components/findings/rule-overview";
import { PageHeader } from "@/components/ui/card";
import { acceptRiskAction, suppressAction } from "./actions";

export const metadata: Metadata = { title: "Findings" };

/** How many open findings the page lists; the rule overview counts all of them. */
const LIST_LIMIT = 100;

type Filter = { rule?: string; severity?: string; owasp?: string };

/** The rules a `?rule=` / `?severity=` / `?owasp=` filter selects (the dashboard links here with them). */
function rulesOf(filter: Filter): string[] | undefined {
  if (!filter.rule && !filter.severity && !filter.owasp) return undefined;
  return getCatalogue()
    .rules.filter((r) => (!filter.rule || r.id === filter.rule) && (!filter.severity || r.severity === filter.severity) && (!filter.owasp || r.owasp === filter.owasp))
    .map((r) => r.id);
}

const one = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : undefined);

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePageCaller("inventory:read");
  const params = await searchParams;
  const filter: Filter = { rule: one(params.rule), severity: one(params.severity), owasp: one(params.owasp) };
  const ruleIds = rulesOf(filter);
  const filterLabel = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const triage = roleCan(caller.role, "findings:triage");
  const allCounts = triage ? await countFindingsByRule(caller) : [];
  const counts = ruleIds ? allCounts.filter((c) => ruleIds.includes(c.rule)) : allCounts;
  const open = ruleIds?.length === 0 ? [] : await listFindings(caller, { statuses: ["open"], limit: LIST_LIMIT, ruleIds });
  const openTotal = triage ? counts.filter((c) => c.status === "open").reduce((sum, c) => sum + c.count, 0) : open.length;
  if (counts.length === 0 && open.length === 0 && !ruleIds) {
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
      {filterLabel ? (
        <p className="mb-3 text-sm">
          Showing <strong>{filterLabel}</strong> ·{" "}
          <Link href="/findings" className="text-accent underline-offset-2 hover:underline">
            all findings
          </Link>
        </p>
      ) : null}
      {triage ? <RuleOverview counts={counts} /> : null}
      <h2 className="mb-2 text-sm font-semibold">Open findings, most severe first</h2>
      <FindingsList findings={open} total={openTotal} triage={triage ? { accept: acceptRiskAction, suppress: suppressAction } : undefined} />
    </>
  );
}
