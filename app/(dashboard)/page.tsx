import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { ComingArea } from "@/components/shell/coming-area";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requirePageCaller("inventory:read");
  return (
    <ComingArea
      title="Dashboard"
      description="Your machine identities at a glance: totals by source and type, % owned, % within rotation policy, expiring credentials and open findings by severity."
      emptyTitle="No identities yet"
    >
      Connect a source under Sources or import provider exports with <code className="font-mono">keyward import &lt;folder&gt;</code>;
      the charts fill in after the first sync.
    </ComingArea>
  );
}
