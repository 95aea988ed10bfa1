import { Badge, SeverityBadge, asSeverity } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PoliciesThresholds } from "@/components/settings/policies-thresholds";
import type { PolicyAction, PolicyActionResult, PolicyRowView } from "@/components/settings/policies-types";

type Props = {
  rules: PolicyRowView[];
  /** Framework id → its full name (catalogue `frameworks`), shown on hover. */
  frameworks: Record<string, string>;
  environments: string[];
  save: PolicyAction;
  evaluate?: () => Promise<PolicyActionResult>;
};

/** Every rule of the catalogue: what it maps to, and its thresholds with the editor. */
export function PoliciesTable({ rules, frameworks, environments, save, evaluate }: Props) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Policy rules with their control mappings and thresholds</caption>
        <thead className="bg-surface-2 text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Rule</th>
            <th scope="col" className="px-3 py-2 font-medium">Severity</th>
            <th scope="col" className="px-3 py-2 font-medium" title={frameworks["owasp-nhi"]}>OWASP NHI</th>
            <th scope="col" className="px-3 py-2 font-medium">Controls</th>
            <th scope="col" className="px-3 py-2 font-medium">Thresholds</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id} className="border-t border-border align-top" data-testid={`policy-row-${rule.id}`}>
              <th scope="row" className="max-w-80 px-3 py-2 text-left font-normal">
                <div className="font-mono text-xs">{rule.id}</div>
                <div className="font-medium" title={rule.description}>
                  {rule.title}
                </div>
              </th>
              <td className="px-3 py-2">
                <SeverityBadge severity={asSeverity(rule.severity)} />
              </td>
              <td className="px-3 py-2 font-mono text-xs">{rule.owasp}</td>
              <td className="px-3 py-2">
                <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 text-xs">
                  {rule.controls.map((control) => (
                    <div key={control.framework} className="contents">
                      <dt className="whitespace-nowrap text-muted" title={frameworks[control.framework]}>
                        {control.label}
                      </dt>
                      <dd className="flex flex-wrap gap-1">
                        {control.ids.map((id) => (
                          <Badge key={id}>{id}</Badge>
                        ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              </td>
              <td className="min-w-64 px-3 py-2">
                {rule.thresholds.length ? (
                  <PoliciesThresholds ruleId={rule.id} thresholds={rule.thresholds} environments={environments} save={save} evaluate={evaluate} />
                ) : (
                  <span className="text-xs text-muted">none (the rule has no threshold)</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
