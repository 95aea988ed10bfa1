import { createHmac } from "node:crypto";

/** The `prev_hash` of the first event in the chain. */
export const GENESIS_HASH = "0".repeat(64);

export type AuditActor = {
  type: "user" | "system" | "api_token" | "anonymous";
  id?: string | null;
  /** What a person reading the log recognises: an e-mail, "system", a token name. */
  label: string;
};

export type AuditEventInput = {
  actor: AuditActor;
  /** Stable dotted code, e.g. `auth.sign_in`, `user.role_changed`. Failures get their own codes. */
  action: string;
  target?: { type: string; id: string } | null;
  /** A short before/after summary. Never a secret value. */
  summary?: Record<string, unknown>;
};

export type ChainedFields = {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: unknown;
};

/** JSON with object keys sorted at every level, so equal events always serialise equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Round-trips through JSON so what we hash is exactly what jsonb hands back later. */
export function normaliseSummary(summary: Record<string, unknown> | undefined): unknown {
  return JSON.parse(JSON.stringify(summary ?? {}));
}

export function hashAuditEvent(key: Buffer, prevHash: string, event: ChainedFields): string {
  const canonical = canonicalJson({
    occurredAt: event.occurredAt.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    summary: event.summary,
  });
  return createHmac("sha256", key).update(prevHash).update("\n").update(canonical).digest("hex");
}
