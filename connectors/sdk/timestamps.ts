import { SdkError } from "./errors";

/** A provider value that cannot be turned into an unambiguous instant. */
export class TimestampError extends SdkError {
  constructor(reason: string) {
    super("invalid_timestamp", `invalid timestamp: ${reason}`);
  }
}

/** Options of `toIsoTimestamp`. */
export interface ToIsoTimestampOptions {
  /** Unit of numeric inputs. Vault and most Unix tools use seconds, JavaScript uses ms. Default "ms". */
  epoch?: "ms" | "s";
}

const TIME_OF_DAY = /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?/;
/** Zone designators accepted after a time of day: Z, ±hh, ±hhmm, ±hh:mm, GMT/UTC/UT. */
const ZONE = /^\s*(?:[zZ]|[+-]\d{2}(?::?\d{2})?|\(?(?:GMT|UTC|UT)\b)/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Normalises a provider timestamp to the record format (`toISOString()`, UTC, `Z`).
 *
 * - `null`, `undefined` and `""` mean "not known" and give `undefined`.
 * - A date-only ISO value (`2024-05-01`) is a calendar date and becomes UTC midnight.
 * - A date-time WITHOUT a zone is refused: it would be read in the worker's local zone and be
 *   off by hours depending on where Keyward runs, which silently skews age-based policies.
 * - Anything unparseable throws `TimestampError` (an item error), never a guessed date. The
 *   message does not echo the value: a mis-mapped field could be a secret.
 */
export function toIsoTimestamp(
  value: string | number | Date | null | undefined,
  options: ToIsoTimestampOptions = {},
): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  let date: Date;
  if (value instanceof Date) {
    date = value;
  } else if (typeof value === "number") {
    date = new Date(options.epoch === "s" ? value * 1000 : value);
  } else {
    date = parseTimestampString(value.trim());
  }
  if (Number.isNaN(date.getTime())) throw new TimestampError("not a valid date");
  return date.toISOString();
}

function parseTimestampString(value: string): Date {
  if (DATE_ONLY.test(value)) return new Date(`${value}T00:00:00Z`);
  const time = TIME_OF_DAY.exec(value);
  if (!time) throw new TimestampError("expected an ISO-8601 date or a date-time with a zone");
  const afterTime = value.slice(time.index + time[0].length);
  if (!ZONE.test(afterTime)) throw new TimestampError("date-time has no zone offset");
  return new Date(value);
}
