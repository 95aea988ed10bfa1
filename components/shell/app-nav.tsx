"use client";

import { Boxes, ClipboardCheck, FileText, Gauge, ListChecks, Plug, ScrollText, Settings, ShieldAlert, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "@/components/shell/nav-items";

const ICONS: Record<string, LucideIcon> = {
  gauge: Gauge,
  boxes: Boxes,
  "shield-alert": ShieldAlert,
  plug: Plug,
  "clipboard-check": ClipboardCheck,
  "list-checks": ListChecks,
  "file-text": FileText,
  "scroll-text": ScrollText,
  settings: Settings,
};

export function AppNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        const Icon = ICONS[item.icon] ?? Gauge;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm",
              active ? "bg-accent/12 font-medium text-accent" : "text-muted hover:bg-surface-2 hover:text-fg",
            )}
          >
            <Icon size={16} aria-hidden="true" />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
