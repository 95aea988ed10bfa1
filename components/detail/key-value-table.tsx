/** Attributes or tags as the source reported them; nested values as compact JSON. */
export function KeyValueTable({ values, empty }: { values: Record<string, unknown>; empty: string }) {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="p-4 text-sm text-muted">{empty}</p>;
  return (
    <table className="w-full text-left text-sm">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key} className="border-t border-border first:border-t-0 align-top">
            <th scope="row" className="w-1/3 px-4 py-1.5 font-mono text-xs font-normal text-muted">
              {key}
            </th>
            <td className="break-all px-4 py-1.5 font-mono text-xs">{typeof value === "string" ? value : JSON.stringify(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
