import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { PageHeader, Card } from "@/components/ui/card";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { verifyAuditChainAction } from "./actions";

export const metadata: Metadata = { title: "Audit log" };

const searchSchema = z.object({
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
  action: z.string().max(80).regex(/^[a-z_.]*$/).optional().catch(undefined),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePageCaller("audit:read");
  const search = searchSchema.parse(await searchParams);
  const page = await listAuditEvents(caller, { before: search.before ? BigInt(search.before) : undefined, action: search.action });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, sign-in and decision, in an append-only log where each event is chained to the one before it by an HMAC."
        actions={<VerifyChainButton verify={verifyAuditChainAction} />}
      />
      <form className="mb-3 flex items-center gap-2" role="search">
        <label htmlFor="action" className="text-xs text-muted">
          Action starts with
        </label>
        <input id="action" name="action" defaultValue={search.action ?? ""} placeholder="e.g. auth." className="h-8 w-56 rounded-md border border-border bg-surface px-2 text-sm" />
        <button className="h-8 rounded-md border border-border bg-surface px-3 text-sm hover:bg-surface-2">Filter</button>
      </form>
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
            <tr>
              <th className="px-3 py-2 text-right font-medium">#</th>
              <th className="px-3 py-2 font-medium">When</th>
              <th className="px-3 py-2 font-medium">Actor</th>
              <th className="px-3 py-2 font-medium">Action</th>
              <th className="px-3 py-2 font-medium">Target</th>
              <th className="px-3 py-2 font-medium">Details</th>
            </tr>
          </thead>
          <tbody>
            {page.events.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-muted">
                  No events match.
                </td>
              </tr>
            ) : (
              page.events.map((event) => (
                <tr key={event.id} className="border-t border-border align-top">
                  <td className="px-3 py-2 text-right font-mono text-xs text-muted tabular-nums">{event.id}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <RelativeTime iso={event.occurredAt} />
                  </td>
                  <td className="px-3 py-2">
                    {event.actorLabel} <span className="text-xs text-muted">({event.actorType})</span>
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">{event.action}</td>
                  <td className="px-3 py-2 font-mono text-xs text-muted">{event.target ?? "—"}</td>
                  <td className="max-w-md truncate px-3 py-2 font-mono text-xs text-muted" title={event.summary}>
                    {event.summary === "{}" ? "" : event.summary}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </Card>
      {page.nextBefore ? (
        <div className="mt-3 text-right">
          <Link className="text-accent underline" href={`/audit?before=${page.nextBefore}${search.action ? `&action=${search.action}` : ""}`}>
            Older events →
          </Link>
        </div>
      ) : null}
    </>
  );
}
