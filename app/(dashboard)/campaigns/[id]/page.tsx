import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { Download } from "lucide-react";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { campaignOverview } from "@/lib/campaigns/campaign-overview";
import { getCampaign } from "@/lib/campaigns/campaign-queries";
import { CampaignStatusBadge, ProgressBar } from "@/components/campaigns/campaign-badges";
import { CampaignItemsTable, RemediationTable } from "@/components/campaigns/campaign-items-table";
import { scopeLines } from "@/components/campaigns/evidence-pdf";
import { LifecycleButtons } from "@/components/campaigns/lifecycle-buttons";
import { BarChartCard } from "@/components/charts/bar-chart-card";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { activateCampaignAction, cancelCampaignAction, closeCampaignAction } from "../actions";

export const metadata: Metadata = { title: "Campaign" };

const paramsSchema = z.object({ page: z.coerce.number().int().min(1).catch(1) });

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

const when = (iso: string | null, by: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC${by ? ` by ${by}` : ""}` : "—");

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePageCaller("campaigns:manage");
  const { id } = await params;
  const { page } = paramsSchema.parse(await searchParams);
  const campaign = await getCampaign(caller, id);
  const started = campaign.status !== "DRAFT";
  // Aggregates and one page of items: a page view never reads a 50,000-item campaign whole.
  const overview = started ? await campaignOverview(caller, id, page) : null;
  const evidenceHref = (format: string) => `/api/v1/campaigns/${id}/evidence?format=${format}`;

  return (
    <>
      <PageHeader
        title={campaign.name}
        description={campaign.description ?? undefined}
        actions={
          <LifecycleButtons
            campaignId={id}
            status={campaign.status}
            defaultAction={campaign.defaultAction}
            pending={campaign.progress.pending}
            actions={{ activate: activateCampaignAction, close: closeCampaignAction, cancel: cancelCampaignAction }}
          />
        }
      />
      <div className="mb-6 grid gap-4 lg:grid-cols-3">
        <Card className="p-4 lg:col-span-2">
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-3">
            <Fact label="Status">
              <CampaignStatusBadge status={campaign.status} />
            </Fact>
            <Fact label="Decided">{started ? <ProgressBar decided={campaign.progress.decided} items={campaign.progress.items} /> : "not started"}</Fact>
            <Fact label="Due">{campaign.dueAt.slice(0, 10)}</Fact>
            <Fact label="Undecided items at close get">{campaign.defaultAction}</Fact>
            <Fact label="Security queue">{campaign.securityQueue}</Fact>
            <Fact label="Recurs">{campaign.recurrence ? <span className="font-mono">{campaign.recurrence}</span> : "one-off"}</Fact>
            <Fact label="Created">{when(campaign.createdAt, campaign.createdBy)}</Fact>
            <Fact label="Activated">{when(campaign.activatedAt, campaign.activatedBy)}</Fact>
            <Fact label={campaign.cancelledAt ? "Cancelled" : "Closed"}>{campaign.cancelledAt ? when(campaign.cancelledAt, campaign.cancelledBy) : when(campaign.closedAt, campaign.closedBy)}</Fact>
          </dl>
          {campaign.signOff ? <p className="mt-3 border-t border-border pt-3 text-sm">Sign-off: {campaign.signOff}</p> : null}
        </Card>
        <Card className="p-4">
          <h2 className="text-sm font-semibold">Scope</h2>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {scopeLines(campaign.filter, campaign.exclusions.length).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-muted">
            {started ? `${campaign.progress.items.toLocaleString("en")} identities were in scope when it started.` : "The scope is resolved and frozen when the campaign is activated."}
          </p>
        </Card>
      </div>

      {overview ? (
        <>
          <div className="mb-6 grid gap-4 lg:grid-cols-2">
            <BarChartCard
              title={overview.reviewerCount > overview.reviewers.length ? `Progress: the ${overview.reviewers.length} reviewers with most pending (of ${overview.reviewerCount})` : "Progress by reviewer"}
              unit="items decided and pending"
              data={overview.reviewers.map((r) => ({ reviewer: r.email, decided: r.decided, pending: r.pending }))}
              categoryKey="reviewer"
              valueKeys={[
                { key: "decided", label: "Decided", color: "var(--accent)" },
                { key: "pending", label: "Pending", color: "var(--sev-info)" },
              ]}
            />
            <BarChartCard
              title="Decisions"
              unit="items per decision"
              data={Object.entries(overview.decisions).map(([decision, count]) => ({ decision, items: count }))}
              categoryKey="decision"
              valueKeys={[{ key: "items", label: "Items", color: "var(--accent)" }]}
            />
          </div>

          <section aria-labelledby="items-heading" className="mb-6">
            <h2 id="items-heading" className="mb-2 text-sm font-semibold">
              Items
            </h2>
            <CampaignItemsTable items={overview.items} />
            <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
              <p className="text-muted">
                Page {overview.page} of {overview.pageCount} · {campaign.progress.items.toLocaleString("en")} items
              </p>
              <div className="flex gap-2">
                {page > 1 ? (
                  <Button size="sm" variant="secondary" asChild>
                    <Link href={`/campaigns/${id}?page=${page - 1}`}>Previous</Link>
                  </Button>
                ) : null}
                {page < overview.pageCount ? (
                  <Button size="sm" variant="secondary" asChild>
                    <Link href={`/campaigns/${id}?page=${page + 1}`}>Next</Link>
                  </Button>
                ) : null}
              </div>
            </nav>
          </section>

          <section aria-labelledby="remediation-heading" className="mb-6">
            <h2 id="remediation-heading" className="mb-2 text-sm font-semibold">
              Remediation ({overview.remediation.open} open, {overview.remediation.done} done)
            </h2>
            <RemediationTable items={overview.tasks} />
            {overview.remediation.open + overview.remediation.done > overview.tasks.length ? (
              <p className="mt-2 text-xs text-muted">Showing {overview.tasks.length} tasks, open ones first; the evidence CSV lists all of them.</p>
            ) : null}
          </section>

          <section aria-labelledby="evidence-heading">
            <h2 id="evidence-heading" className="mb-2 text-sm font-semibold">
              Evidence
            </h2>
            <p className="mb-2 text-sm text-muted">Every export is recorded in the audit log with the SHA-256 of its files; the PDF quotes the hashes of the CSVs exported with it.</p>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" asChild>
                <a href={evidenceHref("pdf")} download>
                  <Download size={14} aria-hidden /> Evidence PDF
                </a>
              </Button>
              <Button variant="secondary" asChild>
                <a href={evidenceHref("csv")} download>
                  <Download size={14} aria-hidden /> Decisions CSV
                </a>
              </Button>
              <Button variant="secondary" asChild>
                <a href={evidenceHref("zip")} download>
                  <Download size={14} aria-hidden /> CSV pack with manifest (zip)
                </a>
              </Button>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}
