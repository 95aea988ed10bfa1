import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { appendAuditEvent } from "@/lib/audit/append-audit-events";
import { callerAsActor, requirePermission, type Caller } from "@/lib/auth/session-context";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { invalidInput } from "@/lib/policy/errors";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { connectorOf } from "@/lib/sources/connector-catalogue";
import { sealSecrets } from "@/lib/sources/credential-envelope";
import { parseSourceId } from "@/lib/sources/read-sources";
import { environmentSchema, scheduleSchema } from "@/lib/sources/schedule";
import { configValuesOf, sourceNameSchema } from "@/lib/sources/source-form";
import { storedSecrets } from "@/lib/sources/source-secrets";
import { checkConfig } from "@/lib/sources/validate-config";

const createSchema = z.object({
  provider: z.string({ error: "Choose a connector." }).min(1, "Choose a connector."),
  name: sourceNameSchema,
  environment: environmentSchema.prefault(""),
  schedule: scheduleSchema.prefault(""),
});

const configSchema = z.object({ name: sourceNameSchema });
const scheduleFormSchema = z.object({ schedule: scheduleSchema.prefault(""), environment: environmentSchema.prefault("") });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

const seal = (secrets: Record<string, unknown>, sourceId: string): Uint8Array<ArrayBuffer> | null =>
  Object.keys(secrets).length > 0 ? new Uint8Array(sealSecrets(secrets, sourceId, getInstanceKeys().encryptionKey)) : null;

/** A unique-name violation becomes CONFLICT on the `name` field. */
function nameTaken(error: unknown, name: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("CONFLICT", `A source named "${name}" already exists.`, "name");
  }
  throw error;
}

/**
 * Adds a source from the generated form (inputs `provider`, `name`, `environment`, `schedule`,
 * `config.<path>`). Secret fields are encrypted (credential-envelope.ts); the rest is stored as
 * sources.config. Audited `source.created` with field names, never values.
 */
export async function createSource(caller: Caller, input: unknown): Promise<{ id: string; name: string }> {
  requirePermission(caller, "sources:manage");
  const form = parse(createSchema, input);
  const connector = connectorOf(form.provider);
  const checked = checkConfig(connector, configValuesOf(input));
  const id = randomUUID();
  try {
    return await getDb().$transaction(async (tx) => {
      await tx.source.create({
        data: {
          id,
          provider: connector.provider,
          name: form.name,
          environment: form.environment,
          schedule: form.schedule,
          config: checked.plain as Prisma.InputJsonObject,
          credentialsEncrypted: seal(checked.secrets, id),
        },
      });
      await appendAuditEvent(tx, {
        actor: callerAsActor(caller),
        action: "source.created",
        target: { type: "source", id },
        summary: { name: form.name, provider: connector.provider, environment: form.environment, schedule: form.schedule, fields: checked.changed },
      });
      return { id, name: form.name };
    });
  } catch (error) {
    nameTaken(error, form.name);
  }
}

type LockedSource = { id: string; name: string; provider: string; config: unknown; credentials_encrypted: Uint8Array | null; environment: string | null; schedule: string | null };

async function lockSource(tx: Tx, sourceId: string): Promise<LockedSource> {
  const [row] = await tx.$queryRaw<LockedSource[]>`
    SELECT id::text, name, provider, config, credentials_encrypted, environment, schedule FROM sources WHERE id = ${sourceId}::uuid FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "That source does not exist.");
  return row;
}

async function auditUpdate(tx: Tx, caller: Caller, source: { id: string; name: string }, fields: string[]): Promise<void> {
  await appendAuditEvent(tx, { actor: callerAsActor(caller), action: "source.updated", target: { type: "source", id: source.id }, summary: { name: source.name, fields } });
}

/**
 * Saves the name and connector config of a source. A secret input left empty keeps the stored
 * secret. Audited `source.updated` naming the changed fields; nothing is written when nothing changed.
 */
export async function updateSourceConfig(caller: Caller, id: string, input: unknown): Promise<{ changed: string[] }> {
  requirePermission(caller, "sources:manage");
  const sourceId = parseSourceId(id);
  const form = parse(configSchema, input);
  const values = configValuesOf(input);
  try {
    return await getDb().$transaction(async (tx) => {
      const source = await lockSource(tx, sourceId);
      const connector = connectorOf(source.provider);
      const secrets = storedSecrets(sourceId, source.credentials_encrypted, getInstanceKeys().encryptionKey);
      const plain = (source.config ?? {}) as Record<string, unknown>;
      const checked = checkConfig(connector, values, { plain, secrets });
      const changed = [...(form.name !== source.name ? ["name"] : []), ...checked.changed.map((field) => `config.${field}`)];
      if (changed.length === 0) return { changed };
      await tx.source.update({
        where: { id: sourceId },
        data: { name: form.name, config: checked.plain as Prisma.InputJsonObject, credentialsEncrypted: seal(checked.secrets, sourceId) },
      });
      await auditUpdate(tx, caller, { id: sourceId, name: form.name }, changed);
      return { changed };
    });
  } catch (error) {
    nameTaken(error, form.name);
  }
}

/** Saves a source's cron schedule and default environment; audited `source.updated`. */
export async function updateSourceSchedule(caller: Caller, id: string, input: unknown): Promise<{ changed: string[] }> {
  requirePermission(caller, "sources:manage");
  const sourceId = parseSourceId(id);
  const form = parse(scheduleFormSchema, input);
  return getDb().$transaction(async (tx) => {
    const source = await lockSource(tx, sourceId);
    const changed = (["schedule", "environment"] as const).filter((field) => source[field] !== form[field]);
    if (changed.length === 0) return { changed };
    // A new schedule counts from now: occurrences before this change are not "missed".
    const rescheduled = changed.includes("schedule") ? { lastScheduledAt: new Date() } : {};
    await tx.source.update({ where: { id: sourceId }, data: { schedule: form.schedule, environment: form.environment, ...rescheduled } });
    await auditUpdate(tx, caller, source, [...changed]);
    return { changed: [...changed] };
  });
}
