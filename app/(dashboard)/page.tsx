import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { readDashboard } from "@/lib/inventory/dashboard-rollup";
import { AGE_BUCKETS } from "@/lib/inventory/inventory-summary";
import { SEVERITIES } from "@/lib/policy/catalogue";
import { topRisks } from "@/lib/risk/read-risk";
import { BarChartCard } from "@/components/charts/bar-chart-card";
import { TrendChartCard } from "@/components/charts/trend-chart-card";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { TopRisksCard } from "@/components/risk/top-risks-card";
import { ComingArea } from "@/components/shell/coming-area";
import { PageHeader } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";

export const metadata: Metadata = { title: "Dashboard" };

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)} %`);

/** The inventory filtered to exactly the rows behind a figure (lib/inventory/inventory-url.ts). */
const inventory = (filters: Record<string, string>) => `/inventory?${new URLSearchParams(filters)}`;
const findings = (filters: Record<string, string>) => `/findings?${new URLSearchParams(filters)}`;

/** Dashboard age bucket → the inventory's `age` filter value. */
const AGE_FILTER: Record<(typeof AGE_BUCKETS)[number], string> = {
  "< 30 d": "lt30",
  "30–90 d": "30-90",
  "90–180 d": "90-180",
  "180–365 d": "180-365",
  "> 1 y": "gt365",
  unknown: "unknown",
};

/** Identities the dashboard's "Top risks" card lists. */
const TOP_RISKS_SHOWN = 10;

const linksBy = <T extends string>(keys: readonly T[], href: (key: T) => string) => Object.fromEntries(keys.map((k) => [k, href(k)]));

export default async function DashboardPage() {
  const caller = await requirePageCaller("inventory:read");
  const [{ summary, trend }, risks] = await Promise.all([readDashboard(caller), topRisks(caller, TOP_RISKS_SHOWN)]);
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
  const outsidePolicy = summary.activeCredentials - summary.withinRotationPolicy;
  const openTotal = summary.openFindings.reduce((sum, f) => sum + f.count, 0);
  const severities = SEVERITIES.map((severity) => ({ severity, count: summary.openFindings.find((f) => f.severity === severity)?.count ?? 0 }));
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={caller.role === "owner" ? "The identities you own and their credentials." : "Every machine identity Keyward knows, with its credentials."}
      />
      <p className="-mt-2 mb-3 text-xs text-muted">
        Figures as of <RelativeTime iso={summary.computedAt} /> (recomputed after every sync and import, and daily); open findings are
        counted live.
      </p>
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <KpiCard label="Identities" value={summary.identities} href={inventory({ kind: "identities" })} />
        <KpiCard label="Credentials" value={summary.credentials} href={inventory({ kind: "credentials" })} />
        <KpiCard
          label="Identities with an owner"
          value={percent(summary.ownedIdentities, summary.identities)}
          detail={`${summary.ownedIdentities} of ${summary.identities} — open the ${summary.identities - summary.ownedIdentities} without`}
          href={inventory({ kind: "identities", owner: "none" })}
        />
        <KpiCard
          label="Within rotation policy"
          value={percent(summary.withinRotationPolicy, summary.activeCredentials)}
          detail={`${outsidePolicy} active credentials older than the maximum age`}
          href={inventory({ kind: "credentials", rule: "credential-max-age" })}
        />
        <KpiCard
          label="Expiring within 30 days"
          value={summary.expiringIn30Days}
          detail="active credentials"
          href={inventory({ kind: "credentials", status: "active", expiry: "30d" })}
        />
        <KpiCard
          label="Not rotated for 90+ days"
          value={summary.olderThan90Days}
          detail="active credentials"
          href={inventory({ kind: "credentials", status: "active", age: "gt90" })}
        />
        <KpiCard
          label="Secrets outside vaults"
          value={summary.outsideVaults}
          detail="found in code, files, CI settings or plain config"
          href={inventory({ kind: "credentials", location: "outside-vault" })}
        />
        <KpiCard
          label="Open findings"
          value={openTotal}
          detail={severities.filter((s) => s.count > 0).map((s) => `${s.count} ${s.severity}`).join(" · ") || "none"}
          href="/findings"
        />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <TopRisksCard risks={risks} title={caller.role === "owner" ? "Your top risks" : "Top risks"} />
        <BarChartCard
          title="Open findings by severity"
          unit="policy violations to triage"
          data={severities}
          categoryKey="severity"
          valueKeys={[{ key: "count", label: "Findings", color: "var(--sev-high)" }]}
          links={linksBy(SEVERITIES, (severity) => findings({ severity }))}
        />
        <BarChartCard
          title="Open findings by OWASP NHI category"
          unit="OWASP Non-Human Identities Top 10 (2025)"
          data={summary.openFindingsByOwasp}
          categoryKey="owasp"
          valueKeys={[{ key: "count", label: "Findings", color: "var(--sev-medium)" }]}
          links={linksBy(summary.openFindingsByOwasp.map((f) => f.owasp), (owasp) => findings({ owasp }))}
        />
        <BarChartCard
          title="Rotation age"
          unit="credentials by days since creation or last rotation"
          data={summary.rotationAge}
          categoryKey="bucket"
          valueKeys={[{ key: "credentials", label: "Credentials", color: "var(--accent)" }]}
          links={linksBy(AGE_BUCKETS, (bucket) => inventory({ kind: "credentials", age: AGE_FILTER[bucket] }))}
        />
        <BarChartCard
          title="By source"
          unit="identities and credentials per provider"
          data={summary.bySource}
          categoryKey="provider"
          valueKeys={[
            { key: "identities", label: "Identities", color: "var(--accent)" },
            { key: "credentials", label: "Credentials", color: "var(--sev-info)" },
          ]}
          links={linksBy(summary.bySource.map((s) => s.provider), (provider) => inventory({ kind: "credentials", provider }))}
        />
        <BarChartCard
          title="Identities by type"
          unit="service accounts, roles, app registrations…"
          data={summary.identitiesByType}
          categoryKey="type"
          valueKeys={[{ key: "count", label: "Identities", color: "var(--accent)" }]}
          links={linksBy(summary.identitiesByType.map((t) => t.type), (type) => inventory({ kind: "identities", type }))}
        />
        <BarChartCard
          title="Credentials by type"
          unit="keys, secrets, tokens, certificates…"
          data={summary.credentialsByType}
          categoryKey="type"
          valueKeys={[{ key: "count", label: "Credentials", color: "var(--sev-info)" }]}
          links={linksBy(summary.credentialsByType.map((t) => t.type), (type) => inventory({ kind: "credentials", type }))}
        />
        {caller.role === "owner" ? null : (
          <TrendChartCard
            title="Trend"
            unit={`daily, last ${trend.length} days`}
            data={trend}
            series={[
              { key: "identities", label: "Identities", color: "var(--accent)" },
              { key: "credentials", label: "Credentials", color: "var(--sev-info)" },
              { key: "openFindings", label: "Open findings", color: "var(--sev-high)" },
            ]}
          />
        )}
      </div>
    </>
  );
}
