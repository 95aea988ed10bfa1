"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";

type Row = { framework: string; pass: number; partial: number; fail: number };

/** Controls per framework by status, stacked. Figures come from the report DTO; this only draws. */
export function FrameworkStatusChart({ data }: { data: Row[] }) {
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold">Controls by status</h2>
      <p className="mb-3 text-xs text-muted">controls each framework maps to Keyward rules: pass, partial, fail</p>
      <div className="h-56" role="img" aria-label={`Controls by status: ${data.map((d) => `${d.framework} ${d.pass} pass, ${d.partial} partial, ${d.fail} fail`).join("; ")}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: "var(--muted)", fontSize: 12 }} axisLine={false} tickLine={false} />
            <YAxis type="category" dataKey="framework" width={90} tick={{ fill: "var(--muted)", fontSize: 12 }} axisLine={{ stroke: "var(--border)" }} tickLine={false} />
            <Tooltip cursor={{ fill: "var(--surface-2)" }} contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, color: "var(--fg)" }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="pass" name="Pass" stackId="s" fill="var(--ok)" isAnimationActive={false} />
            <Bar dataKey="partial" name="Partial" stackId="s" fill="var(--sev-medium)" isAnimationActive={false} />
            <Bar dataKey="fail" name="Fail" stackId="s" fill="var(--danger)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Card>
  );
}
