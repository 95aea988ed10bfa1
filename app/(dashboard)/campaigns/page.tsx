import type { Metadata } from "next";
import Link from "next/link";
import { ClipboardCheck } from "lucide-react";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { listCampaigns } from "@/lib/campaigns/campaign-queries";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  const caller = await requirePageCaller("campaigns:manage");
  const campaigns = await listCampaigns(caller);
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Access reviews: owners keep, rotate, revoke or hand over the identities they are responsible for; each closed campaign leaves its evidence."
        actions={
          <Button asChild>
            <Link href="/campaigns/new">New campaign</Link>
          </Button>
        }
      />
      {campaigns.length === 0 ? (
        <EmptyState icon={<ClipboardCheck size={28} aria-hidden />} title="No campaigns yet">
          Create a campaign from an inventory filter (a source, a type, an environment, a risk score, a rule, an owner or &ldquo;not reviewed in N
          days&rdquo;). Its draft shows the scope; activating it sends each owner their items under My reviews.
        </EmptyState>
      ) : (
        <CampaignsTable campaigns={campaigns} reviewers={{}} />
      )}
    </>
  );
}
