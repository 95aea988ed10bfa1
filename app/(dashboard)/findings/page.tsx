import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { ComingArea } from "@/components/shell/coming-area";

export const metadata: Metadata = { title: "Findings" };

export default async function FindingsPage() {
  await requirePageCaller("inventory:read");
  return (
    <ComingArea
      title="Findings"
      description="Policy violations mapped to the OWASP Non-Human Identities Top 10: stale keys, missing owners, secrets in code, over-privileged identities."
      emptyTitle="No findings yet"
    >
      Policies run after every sync. Findings you can triage, accept as a risk or suppress will be listed here.
    </ComingArea>
  );
}
