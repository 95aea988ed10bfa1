import "server-only";
import cronParser from "cron-parser";

/*
 * Cron expressions of `sources.schedule`, read with the parser pg-boss itself uses for its
 * schedules (cron-parser, pinned to pg-boss's version so the one copy is shared), so an expression
 * means the same here as in pg-boss.
 */

/** The schedule is not a cron expression. */
export class InvalidScheduleError extends Error {
  readonly code = "INVALID_SCHEDULE";
}

/** The latest occurrence of `expression` at or before `now` (UTC unless `tz` is given). */
export function latestOccurrence(expression: string, now: Date, tz?: string): Date {
  try {
    // prev() is strictly before currentDate; one millisecond later makes "at now" count.
    return cronParser.parseExpression(expression, { currentDate: new Date(now.getTime() + 1), ...(tz ? { tz } : {}) }).prev().toDate();
  } catch (error) {
    throw new InvalidScheduleError(`"${expression}" is not a cron expression (${(error as Error).message})`);
  }
}

/** The next `count` occurrences of a valid expression after `now` (UTC); throws on an invalid one. */
export function nextOccurrences(expression: string, now: Date, count: number): Date[] {
  const iterator = cronParser.parseExpression(expression, { currentDate: now });
  return Array.from({ length: count }, () => iterator.next().toDate());
}
