import { SdkError, type StreamPage } from "../../sdk";

/*
 * Kubernetes pages a list with `limit` and an opaque `metadata.continue` token. Some streams read
 * two kinds one after the other (Roles then ClusterRoles); their cursor names the kind being read
 * and its token.
 */

/** A list answer as @kubernetes/client-node returns it (`continue` is `_continue` there). */
export interface KubeList<T> {
  readonly items: readonly T[];
  readonly metadata?: { readonly _continue?: string } | undefined;
}

export const continueOf = (list: KubeList<unknown>): string | undefined => list.metadata?._continue || undefined;

/** Reads every page of a list (for the small lookups bindings need). */
export async function listAll<T>(fetchPage: (token: string | undefined) => Promise<KubeList<T>>): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...page.items);
    token = continueOf(page);
  } while (token);
  return items;
}

/** Cursor of a two-kind stream: `<phase>:<continue token or empty>`. */
export function parsePhasedCursor<P extends string>(
  cursor: string | undefined,
  phases: readonly [P, P],
): { phase: P; token: string | undefined } {
  if (cursor === undefined) return { phase: phases[0], token: undefined };
  const colon = cursor.indexOf(":");
  const phase = cursor.slice(0, colon) as P;
  if (colon === -1 || !phases.includes(phase)) throw new SdkError("invalid_cursor", "unrecognised list cursor");
  return { phase, token: cursor.slice(colon + 1) || undefined };
}

/** The page of a two-kind stream: after the first kind's last page, the second kind starts. */
export function phasedPage<P extends string>(
  items: readonly unknown[],
  phase: P,
  phases: readonly [P, P],
  token: string | undefined,
): StreamPage {
  if (token) return { items, nextCursor: `${phase}:${token}` };
  return phase === phases[0] ? { items, nextCursor: `${phases[1]}:` } : { items };
}
