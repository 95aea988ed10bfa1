import { Badge } from "@/components/ui/badge";

/** Run statuses in the tokens' colours: success calm, trouble loud, held like a finding to review. */
const CLASSES: Record<string, string> = {
  succeeded: "bg-ok/15 text-ok",
  running: "bg-accent/15 text-accent",
  queued: "bg-surface-2 text-muted",
  retrying: "bg-sev-medium/15 text-sev-medium",
  starting: "bg-accent/15 text-accent",
  partial: "bg-sev-medium/15 text-sev-medium",
  held: "bg-sev-high/15 text-sev-high",
  failed: "bg-danger/15 text-danger",
};

export function RunStatusBadge({ status }: { status: string }) {
  return <Badge className={CLASSES[status] ?? "bg-surface-2 text-muted"}>{status}</Badge>;
}
