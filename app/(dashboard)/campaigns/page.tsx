import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { ComingArea } from "@/components/shell/coming-area";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage() {
  await requirePageCaller("reviews:decide");
  return (
    <ComingArea
      title="Campaigns"
      description="Access reviews: owners confirm, rotate or revoke the identities they are responsible for."
      emptyTitle="No campaigns yet"
    >
      Analysts will create review campaigns from an inventory filter; owners will find their items under My reviews.
    </ComingArea>
  );
}
