import "server-only";
import { z } from "zod";
import { InvalidScheduleError, latestOccurrence, nextOccurrences } from "@/lib/jobs/cron";

/*
 * A source's sync schedule is a cron expression (UTC) read by the same parser as the worker's
 * schedule tick (lib/jobs/cron.ts: pg-boss's own cron-parser).
 */

/** How many upcoming occurrences the schedule editor shows. */
export const PREVIEW_OCCURRENCES = 3;


/** The next occurrences as ISO instants; none for a stored expression that no longer parses. */
export function upcomingRuns(expression: string, now: Date = new Date()): string[] {
  try {
    return nextOccurrences(expression, now, PREVIEW_OCCURRENCES).map((date) => date.toISOString());
  } catch {
    return [];
  }
}

/** Schedule input: empty means "manual only". */
export const scheduleSchema = z
  .string()
  .trim()
  .max(100, "Keep the cron expression under 100 characters.")
  .transform((value) => (value === "" ? null : value))
  .refine((value) => {
    if (value === null) return true;
    try {
      latestOccurrence(value, new Date());
      return true;
    } catch (error) {
      if (error instanceof InvalidScheduleError) return false;
      throw error;
    }
  }, "Not a cron expression: use five fields, minute hour day-of-month month day-of-week (UTC), e.g. 0 3 * * *.");

/** Environment default of a source's records; empty means none. */
export const environmentSchema = z
  .string()
  .trim()
  .max(100, "Keep the environment under 100 characters.")
  .regex(/^[^\p{Cc}]*$/u, "The environment must be printable text.")
  .transform((value) => (value === "" ? null : value));
