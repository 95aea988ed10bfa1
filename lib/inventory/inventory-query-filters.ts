import "server-only";
import type { Caller } from "@/lib/auth/session-context";
import { Prisma } from "@/lib/generated/prisma/client";
import { OWNER_IDENTITY_OF, SUBJECT_TYPE_OF } from "@/lib/inventory/inventory-query-columns";
import type { InventoryFilters, InventoryKind } from "@/lib/inventory/inventory-url";
import { planSearch, type SearchPlan } from "@/lib/inventory/search-plan";

/*
 * WHERE conditions of the inventory page over the row alias `t`. Values are always bound
 * parameters; only fixed fragments of this file are raw SQL.
 */

const DAY_MS = 86_400_000;

/** Each age bucket as [newest, oldest) days ago; the last one has no lower bound. */
const AGE_DAYS: Record<NonNullable<InventoryFilters["age"]>, readonly [number, number | null]> = {
  lt90: [0, 90],
  "90to180": [90, 180],
  "180to365": [180, 365],
  gt365: [365, null],
};
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

function statusCondition(status: InventoryFilters["status"]): Prisma.Sql {
  if (status === "gone") return Prisma.sql`t.gone_since IS NOT NULL`;
  if (status === "all") return Prisma.sql`TRUE`;
  // Present rows: written exactly as the keyset indexes' predicate, so they apply.
  if (status === undefined) return Prisma.sql`t.gone_since IS NULL`;
  return Prisma.sql`t.gone_since IS NULL AND t.status = ${status}`;
}

/** Credentials age from their last rotation, else creation; identities from creation. */
function ageCondition(kind: InventoryKind, age: NonNullable<InventoryFilters["age"]>, now: Date): Prisma.Sql {
  const base = kind === "credentials" ? Prisma.sql`coalesce(t.last_rotated_at, t.created_at_source)` : Prisma.sql`t.created_at_source`;
  const [newest, oldest] = AGE_DAYS[age];
  const conditions = [Prisma.sql`${base} <= ${daysFrom(now, -newest)}`];
  if (oldest !== null) conditions.push(Prisma.sql`${base} > ${daysFrom(now, -oldest)}`);
  return Prisma.join(conditions, " AND ");
}

function expiryCondition(expiry: NonNullable<InventoryFilters["expiry"]>, now: Date): Prisma.Sql {
  if (expiry === "none") return Prisma.sql`t.expires_at IS NULL`;
  if (expiry === "expired") return Prisma.sql`t.expires_at <= ${now}`;
  return Prisma.sql`t.expires_at > ${now} AND t.expires_at <= ${daysFrom(now, expiry === "30d" ? 30 : 90)}`;
}

/**
 * Per row, as a scalar subquery with LIMIT: PostgreSQL then keeps it a lookup by the row's
 * identity (an index probe per branch of the owner functions) instead of resolving every
 * identity's owner first to anti-join with it, which costs seconds over a million rows.
 */
const perRow = (subquery: Prisma.Sql) => Prisma.sql`(${subquery} LIMIT 1)`;

/**
 * The resolved owner, as stored on each identity (migration 20261205000000_identity_owners):
 * `has` / `none` = whether it is better than a mere suggestion (`owned`), an e-mail = the winning
 * claim's. A credential's owner is its identity's; one without an identity has none.
 */
function ownerCondition(kind: InventoryKind, owner: string): Prisma.Sql {
  if (owner === "has" || owner === "none") {
    const owned = kind === "identities" ? Prisma.sql`t.owned` : Prisma.sql`coalesce(${perRow(Prisma.sql`SELECT oi.owned FROM identities oi WHERE oi.id = t.identity_id`)}, false)`;
    return owner === "has" ? owned : Prisma.sql`NOT ${owned}`;
  }
  if (kind === "identities") return Prisma.sql`t.owner_email = ${owner}`;
  return Prisma.sql`t.identity_id IN (SELECT oi.id FROM identities oi WHERE oi.owner_email = ${owner})`;
}

function findingsCondition(kind: InventoryKind, rule: string | null): Prisma.Sql {
  const ruleCondition = rule === null ? Prisma.empty : Prisma.sql`AND f.rule = ${rule}`;
  return Prisma.sql`EXISTS (SELECT 1 FROM findings f WHERE f.subject_id = t.id AND f.subject_type = ${SUBJECT_TYPE_OF[kind]}
    AND f.status = 'open' ${ruleCondition})`;
}

/** `%text%` for LIKE, with LIKE's own wildcards in the search taken literally. */
function containsPattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** What the search matches: the name or the external id contains it, case-insensitively. */
const SEARCHED = Prisma.sql`lower(t.name || ' ' || t.external_id)`;

/**
 * The search as the trigram index should see it (lib/inventory/search-plan.ts): the whole pattern,
 * or only its rare parts for the index, with the exact check as a `strpos`, which the index cannot
 * take and so leaves to the few rows the parts found.
 */
function searchCondition(plan: SearchPlan): Prisma.Sql {
  if (plan.kind === "whole") return Prisma.sql`${SEARCHED} LIKE ${containsPattern(plan.text)}`;
  const parts = plan.parts.map((part) => Prisma.sql`${SEARCHED} LIKE ${containsPattern(part)}`);
  return Prisma.sql`${Prisma.join(parts, " AND ")} AND strpos(${SEARCHED}, ${plan.text}) > 0`;
}

/**
 * Owners see only what they own (ARCHITECTURE: the data layer narrows every query): the
 * identities that name them (`identities_of_owner`, migration 20261204050000_owner_scope, shared
 * with the detail pages, findings and dashboard) and those identities' credentials.
 */
function ownerRoleCondition(kind: InventoryKind, email: string): Prisma.Sql {
  return Prisma.sql`${OWNER_IDENTITY_OF[kind]} IN (SELECT o.identity_id FROM identities_of_owner(${email}) o)`;
}

/**
 * Every condition of a page query but the keyset: what the page and its count share. `search`:
 * how to ask the index for `filters.q` (searchPlanFor); without one, the whole pattern.
 */
export function inventoryConditions(caller: Caller, kind: InventoryKind, filters: InventoryFilters, now: Date, search?: SearchPlan): Prisma.Sql {
  const conditions = [statusCondition(filters.status)];
  if (caller.role === "owner") conditions.push(ownerRoleCondition(kind, caller.email.toLowerCase()));
  if (filters.q) conditions.push(searchCondition(search ?? planSearch(filters.q, new Map())));
  if (filters.source) conditions.push(Prisma.sql`t.source_id IN (SELECT id FROM sources WHERE provider = ${filters.source})`);
  if (filters.type) conditions.push(Prisma.sql`t.type = ${filters.type}`);
  if (filters.env) conditions.push(filters.env === "none" ? Prisma.sql`t.environment IS NULL` : Prisma.sql`t.environment = ${filters.env}`);
  if (filters.owner) conditions.push(ownerCondition(kind, filters.owner));
  if (filters.age) conditions.push(ageCondition(kind, filters.age, now));
  if (filters.expiry && kind === "credentials") conditions.push(expiryCondition(filters.expiry, now));
  if (filters.findings === "open") conditions.push(findingsCondition(kind, null));
  // "none" per row (an anti-join would read every open finding); "open" and a rule stay EXISTS, which
  // the planner may drive from the findings index when few rows have one.
  if (filters.findings === "none") {
    conditions.push(Prisma.sql`${perRow(Prisma.sql`SELECT 1 FROM findings f WHERE f.subject_id = t.id AND f.subject_type = ${SUBJECT_TYPE_OF[kind]} AND f.status = 'open'`)} IS NULL`);
  }
  if (filters.rule) conditions.push(findingsCondition(kind, filters.rule));
  return Prisma.join(conditions, " AND ");
}
