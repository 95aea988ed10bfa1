import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A stored severity as the fixed scale knows it (unknown values show as info). */
export const asSeverity = (value: string): Severity => ((SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : "info");

const SEVERITY_CLASSES: Record<Severity, string> = {
  critical: "bg-sev-critical/15 text-sev-critical",
  high: "bg-sev-high/15 text-sev-high",
  medium: "bg-sev-medium/15 text-sev-medium",
  low: "bg-sev-low/15 text-sev-low",
  info: "bg-sev-info/15 text-sev-info",
};

export function Badge({ children, className }: { children: ReactNode; className?: string }) {
  return <span className={cn("inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium", className ?? "bg-surface-2 text-muted")}>{children}</span>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge className={SEVERITY_CLASSES[severity]}>{severity}</Badge>;
}
