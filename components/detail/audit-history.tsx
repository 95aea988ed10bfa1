import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";

export type AuditHistoryView = {
  events: Array<{ id: string; occurredAt: string; actorLabel: string; action: string; target: string; summary: string }>;
  more: boolean;
};

/** Who changed what about this node (and its findings), newest first. */
export function AuditHistory({ history }: { history: AuditHistoryView }) {
  if (history.events.length === 0) {
    return <p className="p-4 text-sm text-muted">No change recorded on this node yet; discoveries by a sync are in the audit log under its run.</p>;
  }
  return (
    <div>
      <ol className="divide-y divide-border text-sm">
        {history.events.map((e) => (
          <li key={e.id} className="grid grid-cols-[9rem_1fr] gap-3 px-4 py-2">
            <span className="text-xs text-muted"><RelativeTime iso={e.occurredAt} /></span>
            <div className="min-w-0">
              <div>
                <span className="font-mono text-xs">{e.action}</span> <span className="text-muted">by {e.actorLabel}</span>
              </div>
              <div className="truncate font-mono text-xs text-muted" title={e.summary}>{e.summary}</div>
            </div>
          </li>
        ))}
      </ol>
      {history.more ? (
        <p className="border-t border-border px-4 py-2 text-xs text-muted">
          Older events are in the <Link className="text-accent underline" href="/audit">audit log</Link>.
        </p>
      ) : null}
    </div>
  );
}
