import { Card } from "@/components/ui/card";

const format = new Intl.NumberFormat("en");

export function KpiCard({ label, value, detail }: { label: string; value: number | string; detail?: string }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{typeof value === "number" ? format.format(value) : value}</p>
      {detail ? <p className="mt-1 text-xs text-muted">{detail}</p> : null}
    </Card>
  );
}
