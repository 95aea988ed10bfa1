import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { summariseInventory } from "@/lib/inventory/inventory-summary";
import { BarChartCard } from "@/components/charts/bar-chart-card";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { ComingArea } from "@/components/shell/coming-area";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Dashboard" };

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)} %`);

export default async function DashboardPage() {
  const caller = await requirePageCaller("inventory:read");
  const summary = await summariseInventory(caller);
  if (summary.identities === 0 && summary.credentials === 0) {
    return (
      <ComingArea
        title="Dashboard"
        description="Your machine identities at a glance: totals by source and type, % owned, % within rotation policy, expiring credentials and open findings by severity."
        emptyTitle="No identities yet"
      >
        Import provider exports with <code className="font-mono">npx keyward import &lt;folder&gt;</code>; the figures fill in after the
        first import or sync.
      </ComingArea>
    );
  }
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={caller.role === "owner" ? "The identities you own and their credentials." : "Every machine identity Keyward knows, with its credentials."}
      />
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <KpiCard label="Identities" value={summary.identities} />
        <KpiCard label="Credentials" value={summary.credentials} />
        <KpiCard label="Identities with an owner" value={percent(summary.ownedIdentities, summary.identities)} detail={`${summary.ownedIdentities} of ${summary.identities}`} />
        <KpiCard label="Expiring within 30 days" value={summary.expiringIn30Days} detail="active credentials" />
        <KpiCard label="Not rotated for 90+ days" value={summary.olderThan90Days} detail="active credentials" />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <BarChartCard
          title="By source"
          unit="identities and credentials per provider"
          data={summary.bySource}
          categoryKey="provider"
          valueKeys={[
            { key: "identities", label: "Identities", color: "var(--accent)" },
            { key: "credentials", label: "Credentials", color: "var(--sev-info)" },
          ]}
        />
        <BarChartCard
          title="Rotation age"
          unit="credentials by days since creation or last rotation"
          data={summary.rotationAge}
          categoryKey="bucket"
          valueKeys={[{ key: "credentials", label: "Credentials", color: "var(--accent)" }]}
        />
      </div>
    </>
  );
}
