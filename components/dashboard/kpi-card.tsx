import Link from "next/link";
import { Card } from "@/components/ui/card";

const format = new Intl.NumberFormat("en");

/** A figure; with `href`, the whole card opens the rows behind it. */
export function KpiCard({ label, value, detail, href }: { label: string; value: number | string; detail?: string; href?: string }) {
  const body = (
    <>
      <p className="text-xs font-medium text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{typeof value === "number" ? format.format(value) : value}</p>
      {detail ? <p className="mt-1 text-xs text-muted">{detail}</p> : null}
    </>
  );
  if (!href) return <Card className="p-4">{body}</Card>;
  return (
    <Link href={href} className="block rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[var(--accent)]">
      <Card className="h-full p-4 transition-colors hover:border-[var(--accent)]">{body}</Card>
    </Link>
  );
}
