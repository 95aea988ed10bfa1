import type { ControlStatus } from "@/lib/reports/compliance-types";
import { Badge } from "@/components/ui/badge";

const CLASSES: Record<ControlStatus, string> = {
  pass: "bg-ok/15 text-ok",
  partial: "bg-sev-medium/15 text-sev-medium",
  fail: "bg-danger/15 text-danger",
};

export function StatusBadge({ status }: { status: ControlStatus }) {
  return <Badge className={CLASSES[status]}>{status}</Badge>;
}
