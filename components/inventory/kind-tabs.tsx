import Link from "next/link";
import { cn } from "@/components/ui/cn";

export type KindTabProp = { label: string; href: string; current: boolean };

/** Credentials / identities: two lists of one page, each a link (the kind is in the URL). */
export function KindTabs({ tabs }: { tabs: KindTabProp[] }) {
  return (
    <nav aria-label="Record kind" className="mb-4 flex gap-1 border-b border-border">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            tab.current ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
