import Link from "next/link";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

type Props = {
  frameworks: { id: string; label: string }[];
  /** The selected framework id, or null for all. */
  framework: string | null;
  /** The as-of date in the URL (YYYY-MM-DD or an instant), or null for now. */
  asOf: string | null;
  today: string;
};

const query = (params: Record<string, string | null>) => {
  const defined = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== null);
  return defined.length > 0 ? `?${new URLSearchParams(defined)}` : "";
};

/** Framework switcher (links), the as-of date (a plain GET form) and the downloads of exactly this view. */
export function ReportToolbar({ frameworks, framework, asOf, today }: Props) {
  const tabs = [{ id: null, label: "All frameworks" }, ...frameworks];
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <nav aria-label="Framework" className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <Link
            key={tab.id ?? "all"}
            href={`/reports${query({ framework: tab.id, asOf })}`}
            aria-current={tab.id === framework ? "page" : undefined}
            className={cn(
              "rounded-md px-3 py-1.5 text-sm",
              tab.id === framework ? "bg-accent text-accent-fg" : "border border-border bg-surface text-fg hover:bg-surface-2",
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <div className="flex flex-wrap items-end gap-2">
        <form method="get" action="/reports" className="flex items-end gap-2">
          {framework ? <input type="hidden" name="framework" value={framework} /> : null}
          <div>
            <Label htmlFor="report-as-of">As of (end of day, UTC)</Label>
            <Input id="report-as-of" type="date" name="asOf" max={today} defaultValue={asOf?.slice(0, 10) ?? today} className="w-40" />
          </div>
          <Button type="submit" variant="secondary">Show</Button>
        </form>
        {(["pdf", "csv", "json"] as const).map((format) => (
          <Button key={format} asChild variant={format === "pdf" ? "primary" : "secondary"}>
            <a href={`/api/v1/reports/compliance${query({ format, framework, asOf })}`} download>
              <Download className="size-4" aria-hidden />
              {format.toUpperCase()}
            </a>
          </Button>
        ))}
      </div>
    </div>
  );
}
