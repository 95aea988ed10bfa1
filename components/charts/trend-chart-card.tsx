"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";

type Point = { day: string } & Record<string, string | number>;

type Props = {
  title: string;
  unit: string;
  data: Point[];
  series: { key: string; label: string; color: string }[];
};

/** Daily figures over time (one snapshot per day, kept by the worker). */
export function TrendChartCard({ title, unit, data, series }: Props) {
  const last = data.at(-1);
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mb-3 text-xs text-muted">{unit}</p>
      {data.length < 2 ? (
        <p className="py-10 text-center text-muted">
          The trend starts after a second day of snapshots{last ? ` (first: ${last.day})` : ""}.
        </p>
      ) : (
        <div
          className="h-56"
          role="img"
          aria-label={`${title} from ${data[0]!.day} to ${last!.day}: ${series.map((s) => `${s.label} ${data[0]![s.key]} → ${last![s.key]}`).join(", ")}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis dataKey="day" tick={{ fill: "var(--muted)", fontSize: 12 }} axisLine={{ stroke: "var(--border)" }} tickLine={false} />
              <YAxis allowDecimals={false} tick={{ fill: "var(--muted)", fontSize: 12 }} axisLine={false} tickLine={false} />
              <Tooltip contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, color: "var(--fg)" }} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {series.map((s) => (
                <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} dot={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}
