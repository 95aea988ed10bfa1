import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/detail/dates";

export type CredentialRow = {
  id: string;
  name: string;
  type: string;
  status: string;
  sourceName: string;
  expiresAt: string | null;
  lastRotatedAt: string | null;
  lastUsedAt: string | null;
  gone: boolean;
};

/** Credentials linking to their detail pages; `more` says the list was cut. */
export function CredentialTable({ rows, more, empty }: { rows: CredentialRow[]; more: boolean; empty: string }) {
  if (rows.length === 0) return <p className="p-4 text-sm text-muted">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="bg-surface-2 text-xs text-muted">
          <tr>
            <th className="px-3 py-2 font-medium">Name</th>
            <th className="px-3 py-2 font-medium">Type</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 font-medium">Source</th>
            <th className="px-3 py-2 font-medium">Rotated</th>
            <th className="px-3 py-2 font-medium">Last used</th>
            <th className="px-3 py-2 font-medium">Expires</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} className="border-t border-border">
              <td className="px-3 py-2">
                <Link className="break-all text-accent underline-offset-2 hover:underline" href={`/inventory/credentials/${c.id}`}>
                  {c.name}
                </Link>
                {c.gone ? <Badge className="ml-2 bg-danger/15 text-danger">gone</Badge> : null}
              </td>
              <td className="px-3 py-2">{c.type.replaceAll("_", " ")}</td>
              <td className="px-3 py-2">{c.status}</td>
              <td className="px-3 py-2">{c.sourceName}</td>
              <td className="whitespace-nowrap px-3 py-2"><When iso={c.lastRotatedAt} /></td>
              <td className="whitespace-nowrap px-3 py-2">{c.lastUsedAt ? <When iso={c.lastUsedAt} /> : <span className="text-muted">never seen</span>}</td>
              <td className="whitespace-nowrap px-3 py-2"><When iso={c.expiresAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {more ? <p className="border-t border-border px-3 py-2 text-xs text-muted">Showing the first {rows.length}; the inventory lists them all.</p> : null}
    </div>
  );
}
