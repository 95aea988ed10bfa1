/*
 * Test support for the ownership data layer (not shipped code): callers of each role, and real
 * syncs through the runner with the toy connector, so owner hints, `owned_by` edges and people
 * arrive exactly as a connector's records would.
 */
import type { Caller } from "@/lib/auth/session-context";
import type { Role } from "@/lib/auth/permissions";
import { executeRun } from "@/lib/sync/execute-run";
import { createSource, runOptions } from "@/lib/sync/testing/run-fixtures";
import { keysStream, peopleStream, toyStream, unitOf, usersStream } from "@/lib/sync/testing/toy-connector";
import type { RunSummary } from "@/lib/sync/types";

export const callerAs = (role: Role, email = `${role}@example.com`): Caller => ({ type: "user", userId: null, email, name: null, role, sessionId: null });

/** A second source that only says who owns the first source's identities (a catalog, CODEOWNERS…). */
export const claimsStream = toyStream("claims", ["toy.claim"]);

export const toyUser = (id: string, extra: Record<string, unknown> = {}) =>
  ({ kind: "identity", externalType: "toy.user", externalId: id, name: id, type: "service_account", status: "active", ...extra }) as const;

export const ownerHint = (email: string, provenance: string) => ({ ownerHint: { email, provenance } });

export const toyPerson = (email: string, status: "active" | "left") => ({ kind: "person", externalId: email, email, status }) as const;

/** An `owned_by` claim on a toy user, ending at the person with that e-mail, with its provenance. */
export const ownedBy = (userId: string, email: string, provenance: string) =>
  ({
    kind: "edge",
    type: "owned_by",
    from: { externalType: "toy.user", externalId: userId },
    to: { externalType: "person", externalId: email },
    attributes: { provenance },
  }) as const;

export const activeKey = (id: string, userId: string) =>
  ({ kind: "credential", externalType: "toy.key", externalId: id, name: id, type: "api_key", status: "active", identityRef: { externalType: "toy.user", externalId: userId } }) as const;

export type ToySources = { inventory: string; claims: string; directory: string };

export async function createToySources(url: string): Promise<ToySources> {
  return { inventory: await createSource(url, "toy-cloud"), claims: await createSource(url, "toy-catalog"), directory: await createSource(url, "toy-hr") };
}

type Options = { url: string; auditKey: Buffer };

function sync(options: Options, sourceId: string, units: ReturnType<typeof unitOf>[]): Promise<RunSummary> {
  return executeRun(runOptions(options.url, sourceId, options.auditKey), units);
}

export const syncInventory = (o: Options, sourceId: string, users: readonly unknown[], keys: readonly unknown[] = []) =>
  sync(o, sourceId, [unitOf(usersStream, [users]), unitOf(keysStream, [keys])]);
export const syncClaims = (o: Options, sourceId: string, claims: readonly unknown[]) => sync(o, sourceId, [unitOf(claimsStream, [claims])]);
export const syncDirectory = (o: Options, sourceId: string, people: readonly unknown[]) => sync(o, sourceId, [unitOf(peopleStream, [people])]);
