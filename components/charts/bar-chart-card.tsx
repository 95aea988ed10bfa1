"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";

type Props = {
  title: string;
  /** What the bars count, shown under the title, e.g. "credentials". */
  unit: string;
  data: Array<Record<string, string | number>>;
  categoryKey: string;
  valueKeys: { key: string; label: string; color: string }[];
  /**
   * Category → page listing exactly its rows. Bars then open it on click, and each figure is
   * also listed under the chart as a link (keyboard and screen-reader users reach them there).
   */
  links?: Record<string, string>;
};

const format = new Intl.NumberFormat("en");

/** A titled bar chart. Aggregation happens in SQL; this only draws. */
export function BarChartCard({ title, unit, data, categoryKey, valueKeys, links }: Props) {
  const router = useRouter();
  const open = (category: unknown) => {
    const href = links?.[String(category)];
    if (href) router.push(href);
  };
  return (
    <Card className="p-4">
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mb-3 text-xs text-muted">{unit}</p>
      {data.length === 0 ? (
        <p className="py-10 text-center text-muted">No data yet.</p>
      ) : (
        <div className="h-56" role="img" aria-label={`${title}: ${data.map((d) => `${d[categoryKey]} ${valueKeys.map((v) => d[v.key]).join("/")}`).join(", ")}`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis dataKey={categoryKey} tick={{ fill: "var(--muted)", fontSize: 12 }} axisLine={{ stroke: "var(--border)" }} tickLine={false} />
              <YAxis allowDecimals={false} tick={{ fill: "var(--muted)", fontSize: 12 }} axisLine={false} tickLine={false} />
              <Tooltip cursor={{ fill: "var(--surface-2)" }} contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, color: "var(--fg)" }} />
              {valueKeys.map((v) => (
                <Bar
                  key={v.key}
                  dataKey={v.key}
                  name={v.label}
                  fill={v.color}
                  radius={[3, 3, 0, 0]}
                  isAnimationActive={false}
                  cursor={links ? "pointer" : undefined}
                  onClick={(entry: { payload?: Record<string, unknown> }) => open(entry.payload?.[categoryKey])}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {links && data.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs">
          {data.map((d) => {
            const category = String(d[categoryKey]);
            const href = links[category];
            const figures = valueKeys.map((v) => format.format(Number(d[v.key] ?? 0))).join(" / ");
            return (
              <li key={category}>
                {href ? (
                  <Link href={href} className="text-muted underline-offset-2 hover:text-fg hover:underline">
                    {category}: <span className="tabular-nums">{figures}</span>
                  </Link>
                ) : (
                  <span className="text-muted">
                    {category}: <span className="tabular-nums">{figures}</span>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Card>
  );
}
