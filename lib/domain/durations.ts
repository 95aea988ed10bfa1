/**
 * Age and expiry arithmetic shared by the policy engine and the UI. A "day" is exactly 24 hours
 * (86,400 s), never a calendar day: thresholds must not shift by an hour across DST changes, and
 * the SQL rules use the same definition (`make_interval(secs => days * 86400)`).
 */
export const DAY_MS = 86_400_000;

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Whole and fractional days from `from` to `asOf` (negative when `from` is later). */
export function daysBetween(from: Date, asOf: Date): number {
  return (asOf.getTime() - from.getTime()) / DAY_MS;
}

/** Strictly older than `days`: exactly `days` old is still within the limit. */
export function isOlderThan(anchor: Date, asOf: Date, days: number): boolean {
  return anchor.getTime() < addDays(asOf, -days).getTime();
}

/** Expires within `days` of `asOf`, boundaries included, and has not expired yet. */
export function expiresWithin(expiresAt: Date, asOf: Date, days: number): boolean {
  return expiresAt.getTime() >= asOf.getTime() && expiresAt.getTime() <= addDays(asOf, days).getTime();
}

/**
 * X.509 validity includes `notAfter` (RFC 5280 §4.1.2.5), so a certificate is expired only after
 * that instant, not at it.
 */
export function hasExpired(expiresAt: Date, asOf: Date): boolean {
  return expiresAt.getTime() < asOf.getTime();
}
