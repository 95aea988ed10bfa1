import { z } from "zod";

/*
 * The people directory: who exists, their team and manager, and whether they left. HR and IdP
 * exports name these columns differently, so headers (CSV) and keys (JSON) are matched
 * case-insensitively, ignoring spaces, `_`, `-` and `.`, against the aliases below. Other
 * columns (title, location…) are ignored: directory exports carry many.
 */

export const FIELD_ALIASES = {
  email: ["email", "e-mail", "mail", "email address", "work email", "primary email"],
  name: ["name", "full name", "display name", "employee name"],
  team: ["team", "department", "dept", "group", "org unit", "division"],
  manager: ["manager", "manager email", "manager e-mail", "reports to", "supervisor", "supervisor email"],
  status: ["status", "state", "employment status", "active"],
} as const;

export type PersonField = keyof typeof FIELD_ALIASES;

/** `Manager E-mail` → `managere-mail` → `manageremail`. */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, "");
}

const FIELD_OF_ALIAS: ReadonlyMap<string, PersonField> = new Map(
  (Object.entries(FIELD_ALIASES) as [PersonField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [normaliseHeader(alias), field] as const),
  ),
);

/** The field a header or key stands for, if any. */
export function fieldOfHeader(name: string): PersonField | undefined {
  return FIELD_OF_ALIAS.get(normaliseHeader(name));
}

/** Status words seen in directory exports. An `active` column holds yes/no instead. */
const STATUS_WORDS: Readonly<Record<string, "active" | "left">> = {
  active: "active",
  current: "active",
  employed: "active",
  enabled: "active",
  yes: "active",
  true: "active",
  "1": "active",
  left: "left",
  inactive: "left",
  terminated: "left",
  departed: "left",
  former: "left",
  disabled: "left",
  offboarded: "left",
  no: "left",
  false: "left",
  "0": "left",
};

/** Empty means active: a directory lists people who work here unless it says otherwise. */
export const personStatusValueSchema = z
  .union([z.string(), z.boolean()])
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === "") return "active" as const;
    const status = STATUS_WORDS[String(value).trim().toLowerCase()];
    if (status) return status;
    ctx.addIssue({ code: "custom", message: "must be active or left" });
    return z.NEVER;
  });

const MAX_TEXT = 1024;
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "must be at most 320 characters")
  .pipe(z.email("must be an e-mail address"));
const optionalText = z
  .string()
  .trim()
  .max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
  .nullish()
  .transform((value) => value || undefined);

/** One person after header matching: what the formats emit and the stream parses. */
export const personItemSchema = z.strictObject({
  email,
  name: optionalText,
  team: optionalText,
  manager: z
    .string()
    .trim()
    .nullish()
    .transform((value) => value || undefined)
    .pipe(email.optional()),
  status: personStatusValueSchema,
});
export type PersonItem = z.output<typeof personItemSchema>;
