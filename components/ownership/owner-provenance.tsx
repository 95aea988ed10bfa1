import { Crown } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { OWNER_KIND_LABELS, type DirectoryStatus, type OwnerCandidateDto, type OwnershipDto } from "@/lib/ownership/ownership-types";

const STATUS_BADGE: Record<DirectoryStatus, { label: string; className: string }> = {
  active: { label: "active", className: "bg-ok/15 text-ok" },
  left: { label: "left the organisation", className: "bg-danger/15 text-danger" },
  unknown: { label: "not in the people directory", className: "bg-sev-medium/15 text-sev-medium" },
};

function PersonStatus({ status }: { status: DirectoryStatus }) {
  const badge = STATUS_BADGE[status];
  return <Badge className={badge.className}>{badge.label}</Badge>;
}

function Candidate({ candidate }: { candidate: OwnerCandidateDto }) {
  return (
    <li className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm" aria-current={candidate.winner ? "true" : undefined}>
      {candidate.winner ? <Crown className="size-3.5 text-accent" aria-label="Resolved owner" /> : <span className="size-3.5" aria-hidden />}
      <span className={candidate.winner ? "font-medium" : undefined}>{candidate.name ?? candidate.email}</span>
      {candidate.name ? <span className="text-muted">{candidate.email}</span> : null}
      <PersonStatus status={candidate.status} />
      <Badge>{OWNER_KIND_LABELS[candidate.kind]}</Badge>
      <span className="font-mono text-xs text-muted" title="Provenance as the source reported it">
        {candidate.provenance}
        {candidate.sourceName ? ` · ${candidate.sourceName}` : ""}
      </span>
    </li>
  );
}

/**
 * Who owns the identity and why: the resolved owner first, then every other claim in resolution
 * order (explicit > source > catalog > suggested), each with its provenance and directory status.
 */
export function OwnerProvenance({ ownership, now }: { ownership: OwnershipDto; now?: Date }) {
  const { owner, owned, backup, confirmation, assignment, team } = ownership;
  return (
    <div className="text-sm">
      <div className="space-y-1 px-4 py-3">
        {owner ? (
          <p>
            {owned ? "Owned by " : "No owner; suggested: "}
            <span className="font-medium">{owner.email}</span>
            {team ? <span className="text-muted"> · team {team}</span> : null}
          </p>
        ) : (
          <p className="text-muted">
            No owner is known{team ? ` (the source names team ${team}, but a team is not an accountable person)` : ""}. Assign one below.
          </p>
        )}
        {backup ? (
          <p className="flex flex-wrap items-center gap-2">
            Backup: <span className="font-medium">{backup.email}</span> <PersonStatus status={backup.status} />
          </p>
        ) : null}
        {assignment ? (
          <p className="text-xs text-muted">
            Assigned by {assignment.assignedBy} <RelativeTime iso={assignment.assignedAt} now={now} />
            {assignment.note ? ` — ${assignment.note}` : ""}
          </p>
        ) : null}
        {confirmation ? (
          <p className="text-xs text-muted">
            Confirmed by {confirmation.confirmedBy} <RelativeTime iso={confirmation.confirmedAt} now={now} />
          </p>
        ) : owned ? (
          <p className="text-xs text-muted">Not confirmed by the owner yet.</p>
        ) : null}
      </div>
      {ownership.candidates.length > 0 ? (
        <>
          <h3 className="border-t border-border px-4 pt-3 text-xs font-medium uppercase tracking-wide text-muted">Every claim, strongest first</h3>
          <ol className="divide-y divide-border" aria-label="Owner candidates in resolution order">
            {ownership.candidates.map((candidate) => (
              <Candidate key={`${candidate.origin}/${candidate.provenance}/${candidate.email}`} candidate={candidate} />
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
