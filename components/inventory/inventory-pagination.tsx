import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = {
  shown: number;
  total: { count: number; capped: boolean };
  previousHref: string | null;
  nextHref: string | null;
};

function PageLink({ href, label, children }: { href: string | null; label: string; children: React.ReactNode }) {
  if (!href) {
    return (
      <Button size="sm" variant="secondary" disabled aria-label={label}>
        {children}
      </Button>
    );
  }
  return (
    <Button size="sm" variant="secondary" asChild>
      <Link href={href} aria-label={label}>
        {children}
      </Link>
    </Button>
  );
}

/** Previous / next pages (keyset: no page numbers) and how many records match, capped. */
export function InventoryPagination({ shown, total, previousHref, nextHref }: Props) {
  const matching = `${total.count.toLocaleString("en")}${total.capped ? "+" : ""}`;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-3 text-sm">
      <p className="text-muted">
        {shown.toLocaleString("en")} shown of <span className="tabular-nums">{matching}</span> matching
      </p>
      <div className="flex gap-2">
        <PageLink href={previousHref} label="Previous page">
          <ChevronLeft size={14} aria-hidden /> Previous
        </PageLink>
        <PageLink href={nextHref} label="Next page">
          Next <ChevronRight size={14} aria-hidden />
        </PageLink>
      </div>
    </nav>
  );
}
