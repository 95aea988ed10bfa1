import "server-only";
import { createRequire } from "node:module";

/*
 * Cron expressions of `sources.schedule`, read with the parser pg-boss itself uses for its
 * schedules (cron-parser, a dependency of pg-boss), so an expression means the same here as in
 * pg-boss. Resolved from pg-boss's own location: it is pg-boss's dependency, not ours.
 */

type CronParser = {
  parseExpression(expression: string, options: { currentDate: Date; tz?: string }): { prev(): { toDate(): Date } };
};

const require = createRequire(import.meta.url);
const parser = createRequire(require.resolve("pg-boss"))("cron-parser") as CronParser;

/** The schedule is not a cron expression. */
export class InvalidScheduleError extends Error {
  readonly code = "INVALID_SCHEDULE";
}

/** The latest occurrence of `expression` at or before `now` (UTC unless `tz` is given). */
export function latestOccurrence(expression: string, now: Date, tz?: string): Date {
  try {
    // prev() is strictly before currentDate; one millisecond later makes "at now" count.
    return parser.parseExpression(expression, { currentDate: new Date(now.getTime() + 1), ...(tz ? { tz } : {}) }).prev().toDate();
  } catch (error) {
    throw new InvalidScheduleError(`"${expression}" is not a cron expression (${(error as Error).message})`);
  }
}
