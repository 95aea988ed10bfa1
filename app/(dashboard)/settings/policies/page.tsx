import type { Metadata } from "next";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { listInventoryFacets } from "@/lib/inventory/inventory-query-facets";
import { getCatalogue } from "@/lib/policy/catalogue";
import { listPolicies } from "@/lib/policy/policy-settings";
import { PageHeader } from "@/components/ui/card";
import { PoliciesEvaluateButton } from "@/components/settings/policies-evaluate-button";
import { PoliciesTable } from "@/components/settings/policies-table";
import { evaluateNowAction, setThresholdAction } from "./actions";
import { toPolicyRows } from "@/components/settings/policies-rows";

export const metadata: Metadata = { title: "Policies" };

/** The environments the inventory holds, offered as names to set a threshold for (any name is accepted). */
async function knownEnvironments(caller: Awaited<ReturnType<typeof requirePageCaller>>): Promise<string[]> {
  const [credentials, identities] = await Promise.all([listInventoryFacets(caller, "credentials"), listInventoryFacets(caller, "identities")]);
  const names = new Set([...credentials.environments, ...identities.environments].map((name) => name.trim().toLowerCase()));
  for (const reserved of ["none", "prod", "non-prod"]) names.delete(reserved);
  return [...names].sort();
}

export default async function PoliciesPage() {
  const caller = await requirePageCaller("settings:manage");
  const [{ version, rules }, environments] = await Promise.all([listPolicies(caller), knownEnvironments(caller)]);
  const canEvaluate = roleCan(caller.role, "sync:run");
  return (
    <>
      <PageHeader
        title="Policies"
        description={
          <>
            Catalogue version {version} (<code className="font-mono text-xs">policies/rules.json</code>): each rule with its OWASP NHI category, controls and thresholds. A threshold set for an environment by name wins over one for the record’s criticality, which wins over its class (prod, non-prod), then the catalogue default. Every change is audited and takes effect at the next evaluation.
          </>
        }
        actions={canEvaluate ? <PoliciesEvaluateButton evaluate={evaluateNowAction} /> : null}
      />
      <PoliciesTable
        rules={toPolicyRows(rules)}
        frameworks={getCatalogue().frameworks}
        environments={environments}
        save={setThresholdAction}
        evaluate={canEvaluate ? evaluateNowAction : undefined}
      />
    </>
  );
}
