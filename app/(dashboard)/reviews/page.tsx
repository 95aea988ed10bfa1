import type { Metadata } from "next";
import Link from "next/link";
import { ClipboardCheck } from "lucide-react";
import { z } from "zod";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { listMyReviews } from "@/lib/campaigns/review-inbox";
import { ReviewInbox } from "@/components/campaigns/review-inbox";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { decideAction, delegateAction } from "./actions";

export const metadata: Metadata = { title: "My reviews" };

const PAGE_SIZE = 50;

const paramsSchema = z.object({
  status: z.enum(["PENDING", "DECIDED", "ALL"]).catch("PENDING"),
  cursor: z.uuid().optional().catch(undefined),
});

const TABS = [
  { status: "PENDING", label: "To decide" },
  { status: "DECIDED", label: "Decided" },
  { status: "ALL", label: "All" },
] as const;

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePageCaller("reviews:decide");
  const params = paramsSchema.parse(await searchParams);
  const page = await listMyReviews(caller, { status: params.status, cursor: params.cursor, limit: PAGE_SIZE });
  const href = (query: Record<string, string | undefined>) => {
    const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
    return `/reviews${search.size ? `?${search}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="My reviews"
        description="The identities you are asked to review in running campaigns. Keep what is still needed, rotate or revoke what is not, or hand an item to the person who knows it. Decisions can be changed until the campaign closes."
      />
      <nav aria-label="Review status" className="mb-3 flex gap-1 text-sm">
        {TABS.map((tab) => (
          <Link
            key={tab.status}
            href={href({ status: tab.status === "PENDING" ? undefined : tab.status })}
            aria-current={params.status === tab.status ? "page" : undefined}
            className={cn("rounded-md px-2.5 py-1", params.status === tab.status ? "bg-accent/12 font-medium text-accent" : "text-muted hover:bg-surface-2")}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState icon={<ClipboardCheck size={28} aria-hidden />} title={params.status === "PENDING" ? "Nothing to review" : "No items here"}>
          {params.cursor ? (
            <>
              No more items. <Link href={href({ status: params.status === "PENDING" ? undefined : params.status })} className="text-accent underline">Back to the first page</Link>.
            </>
          ) : (
            "When a campaign includes identities you own (or someone delegates one to you), they appear here until the campaign closes."
          )}
        </EmptyState>
      ) : (
        <>
          <ReviewInbox items={page.items} decide={decideAction} delegate={delegateAction} now={Date.now()} />
          <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
            <p className="text-muted">{page.items.length.toLocaleString("en")} shown</p>
            <div className="flex gap-2">
              {params.cursor ? (
                <Button size="sm" variant="secondary" asChild>
                  <Link href={href({ status: params.status === "PENDING" ? undefined : params.status })}>First page</Link>
                </Button>
              ) : null}
              {page.nextCursor ? (
                <Button size="sm" variant="secondary" asChild>
                  <Link href={href({ status: params.status === "PENDING" ? undefined : params.status, cursor: page.nextCursor })} aria-label="Next page">
                    Next
                  </Link>
                </Button>
              ) : null}
            </div>
          </nav>
        </>
      )}
    </>
  );
}
