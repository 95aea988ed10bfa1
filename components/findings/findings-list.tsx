import Link from "next/link";
import { TriageButtons, type TriageAction } from "@/components/findings/triage-dialogs";
import { asSeverity, SeverityBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";

type Finding = {
  id: string | null;
  rule: string;
  severity: string;
  owasp: string;
  status: string;
  subjectType: string;
  subjectId?: string;
  subjectName: string | null;
  evidence: Record<string, unknown>;
  firstSeenAt: string | null;
};


/** A short, readable line of the evidence: the keys a person needs to see why it fired. */
function evidenceLine(evidence: Record<string, unknown>): string {
  return Object.entries(evidence)
    .filter(([, v]) => v !== null && typeof v !== "object")
    .slice(0, 4)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(" · ");
}

const DETAIL_PATH: Record<string, string> = { identity: "identities", credential: "credentials" };

/** Findings, most severe first; with `triage`, each open one offers Accept risk and Suppress. */
export function FindingsList({ findings, total, triage }: {
  findings: Finding[];
  total?: number;
  /** The findings page's server actions, for a caller allowed to triage. */
  triage?: { accept: TriageAction; suppress: TriageAction };
}) {
  const columns = triage ? 6 : 5;
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Severity</th>
            <th className="px-3 py-2 font-medium">Rule</th>
            <th className="px-3 py-2 font-medium">Subject</th>
            <th className="px-3 py-2 font-medium">Why</th>
            <th className="px-3 py-2 font-medium">First seen</th>
            {triage ? <th className="px-3 py-2 font-medium">Triage</th> : null}
          </tr>
        </thead>
        <tbody>
          {findings.length === 0 ? (
            <tr>
              <td colSpan={columns} className="px-3 py-8 text-center text-muted">
                No open findings.
              </td>
            </tr>
          ) : (
            findings.map((f) => (
              <tr key={f.id ?? `${f.rule}-${f.subjectName}`} className="border-t border-border align-top">
                <td className="px-3 py-2">
                  <SeverityBadge severity={asSeverity(f.severity)} />
                </td>
                <td className="px-3 py-2">
                  <div className="font-mono text-xs">{f.rule}</div>
                  <div className="text-xs text-muted">{f.owasp}</div>
                </td>
                <td className="px-3 py-2">
                  {f.subjectId && DETAIL_PATH[f.subjectType] ? (
                    <Link href={`/inventory/${DETAIL_PATH[f.subjectType]}/${f.subjectId}`} className="text-accent underline-offset-2 hover:underline">
                      {f.subjectName ?? f.subjectId}
                    </Link>
                  ) : (
                    (f.subjectName ?? "—")
                  )}{" "}
                  <span className="text-xs text-muted">({f.subjectType})</span>
                </td>
                <td className="max-w-lg px-3 py-2 text-xs text-muted">{evidenceLine(f.evidence)}</td>
                <td className="whitespace-nowrap px-3 py-2">{f.firstSeenAt ? <RelativeTime iso={f.firstSeenAt} /> : "—"}</td>
                {triage ? (
                  <td className="px-3 py-2">
                    {f.id && f.subjectId && f.status === "open" ? (
                      <TriageButtons
                        subject={{ findingId: f.id, rule: f.rule, subjectType: f.subjectType, subjectId: f.subjectId, subjectName: f.subjectName ?? f.subjectId }}
                        accept={triage.accept}
                        suppress={triage.suppress}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {total !== undefined && total > findings.length ? (
        <p className="border-t border-border px-3 py-2 text-xs text-muted">
          Showing the {findings.length} most severe of {total.toLocaleString("en")} open findings.
        </p>
      ) : null}
    </Card>
  );
}
