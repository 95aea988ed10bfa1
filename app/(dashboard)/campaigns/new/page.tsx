import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { listSources } from "@/lib/sources/read-sources";
import { NewCampaignForm } from "@/components/campaigns/new-campaign-form";
import { PageHeader } from "@/components/ui/card";
import { createCampaignAction } from "../actions";

export const metadata: Metadata = { title: "New campaign" };

/** Campaigns are due in two weeks unless said otherwise. */
const DEFAULT_REVIEW_DAYS = 14;

export default async function NewCampaignPage() {
  const caller = await requirePageCaller("campaigns:manage");
  const sources = roleCan(caller.role, "sync:run") ? await listSources(caller) : [];
  const defaultDue = new Date(Date.now() + DEFAULT_REVIEW_DAYS * 86_400_000).toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title="New campaign" description="A campaign starts as a draft: check its scope on the next page, then activate it." />
      <NewCampaignForm sources={sources.map((s) => ({ id: s.id, name: s.name, provider: s.provider }))} create={createCampaignAction} defaultDue={defaultDue} />
    </>
  );
}
