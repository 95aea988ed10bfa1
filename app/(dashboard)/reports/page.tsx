import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { ComingArea } from "@/components/shell/coming-area";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  await requirePageCaller("reports:export");
  return (
    <ComingArea
      title="Reports"
      description="Compliance reports and evidence packs (CSV, JSON, PDF) for auditors."
      emptyTitle="No reports yet"
    >
      Reports against the OWASP NHI Top 10, NIST CSF 2.0, SOC 2, PCI DSS 4.0 and DORA will be generated here. The audit chain can
      already be verified under Audit log.
    </ComingArea>
  );
}
