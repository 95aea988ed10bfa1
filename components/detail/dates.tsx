import { RelativeTime } from "@/components/ui/relative-time";

/** A relative time with the exact instant on hover, or null (FactList shows a dash). */
export function When({ iso }: { iso: string | null }) {
  return iso ? <RelativeTime iso={iso} /> : null;
}

/** A calendar date (an end date, an expiry) as YYYY-MM-DD in UTC. */
export function Day({ iso }: { iso: string | null }) {
  return iso ? <time dateTime={iso}>{iso.slice(0, 10)}</time> : null;
}

/** yes / no / unknown for a nullable flag. */
export function yesNo(value: boolean | null): string | null {
  return value === null ? null : value ? "yes" : "no";
}
