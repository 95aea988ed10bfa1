import path from "node:path";
import cronParser from "cron-parser";
import { z } from "zod";

/**
 * The only reader of `process.env` (ENGINEERING.md boundary 5). Every setting is validated here so
 * a bad value fails at start with one line naming the variable, never deep inside a request.
 */

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const port = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

/** Scheduled compliance report: Mondays at 06:00 (UTC, as pg-boss runs its schedules). */
export const DEFAULT_REPORT_SCHEDULE = "0 6 * * 1";

/** Read with the parser pg-boss schedules with (cron-parser), so what passes here pg-boss accepts. */
function isCronExpression(value: string): boolean {
  try {
    cronParser.parseExpression(value);
    return true;
  } catch {
    return false;
  }
}

/** A comma-separated list of e-mail addresses; blanks are ignored, duplicates dropped, a bad entry is named. */
const emailList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const addresses = value.split(",").map((a) => a.trim()).filter((a) => a !== "");
    const bad = addresses.find((a) => !z.email().safeParse(a).success);
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `"${bad}" is not an e-mail address (give a comma-separated list of addresses)` });
      return z.NEVER;
    }
    return [...new Set(addresses)];
  });

const envSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  KEYWARD_HOME: optionalText,
  KEYWARD_DATA_DIR: optionalText,
  KEYWARD_HOST: z.string().trim().default("127.0.0.1"),
  KEYWARD_PORT: port.default(3000),
  KEYWARD_URL: optionalText.pipe(z.url({ error: "must be an absolute URL" }).optional()),
  KEYWARD_EMBEDDED_PG_PORT: port.default(54329),
  KEYWARD_SESSION_SECRET: optionalText,
  KEYWARD_AUDIT_KEY: optionalText,
  KEYWARD_FINGERPRINT_KEY: optionalText,
  KEYWARD_ENCRYPTION_KEY: optionalText,
  KEYWARD_ADMIN_EMAIL: optionalText.pipe(z.email({ error: "must be an e-mail address" }).optional()),
  KEYWARD_ADMIN_PASSWORD: optionalText.pipe(
    z.string().min(12, "must be at least 12 characters").optional(),
  ),
  KEYWARD_DEMO: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  OIDC_ISSUER: optionalText.pipe(z.url({ error: "must be the issuer URL" }).optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_DISPLAY_NAME: z.string().trim().default("Single sign-on"),
  OIDC_DEFAULT_ROLE: optionalText.pipe(
    z.enum(["analyst", "owner", "auditor"], { error: "must be analyst, owner or auditor" }).optional(),
  ),
  // Notifications (lib/notify): campaign reminders and scheduled reports. Without them nothing is sent.
  KEYWARD_SMTP_URL: optionalText.pipe(z.string().regex(/^smtps?:\/\/[^\s]+$/, "must be smtp://[user:pass@]host[:port] or smtps://…").optional()),
  KEYWARD_SMTP_FROM: z.string().trim().default("Keyward <keyward@localhost>"),
  KEYWARD_WEBHOOK_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  KEYWARD_WEBHOOK_TIMEOUT_MS: z.coerce.number({ error: "must be a number of milliseconds" }).int().min(100, "must be at least 100").max(120_000, "must be at most 120000").default(10_000),
  // Event-triggered micro-reviews (lib/campaigns/micro-reviews.ts): which events open one, for how long, and who reviews unowned items.
  KEYWARD_MICRO_REVIEWS: z
    .string()
    .trim()
    .default("off")
    .pipe(z.string().regex(/^(off|((owner-departed|secret-in-code|end-date)(,(owner-departed|secret-in-code|end-date))*))$/, "must be off or a comma list of owner-departed, secret-in-code, end-date")),
  KEYWARD_MICRO_REVIEW_DAYS: z.coerce.number({ error: "must be a number of days" }).int().min(1, "must be between 1 and 90").max(90, "must be between 1 and 90").default(7),
  KEYWARD_SECURITY_QUEUE: optionalText.pipe(z.email({ error: "must be an e-mail address" }).optional()),
  // Scheduled delivery of the compliance report (lib/jobs/report-jobs.ts): no recipients, no delivery.
  KEYWARD_REPORT_RECIPIENTS: emailList,
  KEYWARD_REPORT_SCHEDULE: optionalText
    .transform((v) => v ?? DEFAULT_REPORT_SCHEDULE)
    .pipe(z.string().refine(isCronExpression, 'must be a cron expression (minute hour day-of-month month day-of-week, e.g. "0 6 * * 1")')),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type Env = z.infer<typeof envSchema> & {
  /** The Keyward installation folder (holds prisma/migrations, demo data, the build). */
  homeDir: string;
  /** Folder with the embedded database, generated keys and logs. */
  dataDir: string;
  /** Public base URL users open in a browser. */
  baseUrl: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; displayName: string } | null;
};

/** A configuration problem, reported as one line: `VARIABLE: what is wrong`. */
export class ConfigError extends Error {
  readonly code = "CONFIG";
}

const OIDC_VARS = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join(".")}: ${issue.message}`);
  }
  const env = parsed.data;
  const given = OIDC_VARS.filter((name) => env[name] !== undefined);
  if (given.length > 0 && given.length < OIDC_VARS.length) {
    const missing = OIDC_VARS.filter((name) => env[name] === undefined);
    throw new ConfigError(
      `${missing.join(", ")}: missing; OIDC sign-in needs ${OIDC_VARS.join(", ")} together (or none of them)`,
    );
  }
  // turbopackIgnore: these are runtime paths, not files to bundle.
  const home = path.resolve(/*turbopackIgnore: true*/ env.KEYWARD_HOME ?? process.cwd());
  return {
    ...env,
    homeDir: home,
    dataDir: path.resolve(/*turbopackIgnore: true*/ env.KEYWARD_DATA_DIR ?? path.join(home, ".keyward")),
    baseUrl: (env.KEYWARD_URL ?? `http://localhost:${env.KEYWARD_PORT}`).replace(/\/$/, ""),
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            displayName: env.OIDC_DISPLAY_NAME,
          }
        : null,
  };
}

let cached: Env | undefined;

/** The validated environment of this process (read once). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
