import { Badge } from "@/components/ui/badge";

export type LocationView = { source: string | null; path: string | null; line: number | null; commit: string | null; historyOnly: boolean | null };

/** Where the credential was found; for code hits the file, line and commit. */
export function LocationsList({ locations }: { locations: LocationView[] }) {
  if (locations.length === 0) return <p className="p-4 text-sm text-muted">Found only where its source keeps it.</p>;
  return (
    <ul className="divide-y divide-border text-sm">
      {locations.map((l, i) => (
        <li key={i} className="flex flex-wrap items-center gap-2 px-4 py-2">
          {l.source ? <Badge>{l.source}</Badge> : null}
          <span className="break-all font-mono text-xs">
            {l.path ?? "—"}
            {l.line !== null ? `:${l.line}` : ""}
          </span>
          {l.commit ? <span className="font-mono text-xs text-muted">commit {l.commit.slice(0, 12)}</span> : null}
          {l.historyOnly ? <Badge className="bg-sev-medium/15 text-sev-medium">only in history</Badge> : null}
        </li>
      ))}
    </ul>
  );
}
