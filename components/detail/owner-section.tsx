import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DetailSection } from "@/components/detail/detail-section";

export type OwnerView = {
  hint: { email: string | null; team?: string; provenance: string } | null;
  inheritedFrom: { id: string; name: string } | null;
  ownedBy: Array<{
    person: { id: string; email: string; name: string | null; team: string | null; status: string } | null;
    reference: string;
    sourceName: string;
  }>;
};

/**
 * The owner as currently known, with where each claim comes from. `actions` is the place for
 * assigning and confirming an owner (wired by the ownership module).
 */
export function OwnerSection({ owner, actions }: { owner: OwnerView; actions?: ReactNode }) {
  const unknown = !owner.hint && owner.ownedBy.length === 0;
  return (
    <DetailSection
      id="owner"
      title="Owner"
      actions={actions}
      description={
        owner.inheritedFrom ? (
          <>
            Through its identity{" "}
            <Link className="text-accent underline" href={`/inventory/identities/${owner.inheritedFrom.id}`}>
              {owner.inheritedFrom.name}
            </Link>
          </>
        ) : undefined
      }
    >
      {unknown ? (
        <p className="p-4 text-sm text-muted">No owner is known: no source names one and no directory person is linked.</p>
      ) : (
        <ul className="divide-y divide-border text-sm">
          {owner.hint ? (
            <li className="flex flex-wrap items-center gap-2 px-4 py-2">
              <span className="font-medium">{owner.hint.email ?? owner.hint.team}</span>
              {owner.hint.email && owner.hint.team ? <span className="text-muted">team {owner.hint.team}</span> : null}
              <Badge>owner hint · {owner.hint.provenance}</Badge>
            </li>
          ) : null}
          {owner.ownedBy.map((entry) => (
            <li key={`${entry.sourceName}/${entry.reference}`} className="flex flex-wrap items-center gap-2 px-4 py-2">
              {entry.person ? (
                <>
                  <span className="font-medium">{entry.person.name ?? entry.person.email}</span>
                  {entry.person.name ? <span className="text-muted">{entry.person.email}</span> : null}
                  {entry.person.status === "left" ? <Badge className="bg-danger/15 text-danger">left</Badge> : null}
                </>
              ) : (
                <>
                  <span className="font-mono text-xs">{entry.reference}</span>
                  <Badge className="bg-danger/15 text-danger">not in the people directory</Badge>
                </>
              )}
              <Badge>owned by · {entry.sourceName}</Badge>
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}
