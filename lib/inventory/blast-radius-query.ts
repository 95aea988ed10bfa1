import "server-only";
import { inTransaction, type SqlExecutor, type SqlTarget } from "@/lib/policy/sql-executor";
import { DANGLING_SQL, GRANTS_SQL, NODES_SQL, WALK_SQL, type WalkRelation } from "@/lib/inventory/blast-radius-sql";

export type BlastNodeKind = "identity" | "credential" | "resource" | "person" | "external";

export type BlastNode = {
  /** The node's uuid; for a dangling edge end, `external:<external type>:<external id>`. */
  id: string;
  kind: BlastNodeKind;
  name: string;
  type: string | null;
  depth: number;
  gone: boolean;
  /** How the walk first reached it (a shortest route); null for the start node. */
  via: { parentId: string; relation: WalkRelation; level: string | null } | null;
};

/** A present `has_permission` edge between two reached nodes: who holds which level on a resource. */
export type ResourceGrant = { resourceId: string; principalId: string; level: string | null };

export type BlastRadiusResult = {
  startId: string;
  maxDepth: number;
  maxNodes: number;
  /** Breadth-first: the start node, then by depth. */
  nodes: BlastNode[];
  grants: ResourceGrant[];
  /** More was reachable within maxDepth than maxNodes allows: the nodes are the nearest ones. */
  capped: boolean;
  /** The walk ran past timeoutMs and was cancelled: nodes and grants are empty. */
  timedOut: boolean;
};

export type BlastRadiusOptions = {
  /** Steps from the start node (1 = its direct neighbours). */
  maxDepth: number;
  /** Nodes in the result, the start node included. */
  maxNodes: number;
  /** Statement timeout of each query of the walk, in milliseconds. */
  timeoutMs: number;
};

/** Grants listed at most; beyond it the list shows the strongest first per resource anyway. */
const MAX_GRANTS = 5000;

/** PostgreSQL's query_canceled: what statement_timeout raises. */
const QUERY_CANCELED = "57014";

type WalkRow = { depth: number; id: string; parent: string | null; relation: WalkRelation | null; level: string | null };
type DanglingRow = { parent: string; relation: WalkRelation; level: string | null; to_external_type: string; to_external_id: string };
type NodeRow = { id: string; kind: BlastNodeKind; name: string; type: string | null; gone: boolean };
type GrantRow = { resource_id: string; principal_id: string; level: string | null };

/**
 * Everything reachable from `startId` (ARCHITECTURE: blast radius), caller-free for the benchmark
 * and lib/inventory/blast-radius.ts (which authorizes). One read-only snapshot; every statement
 * runs under `SET LOCAL statement_timeout`, so a hub answers `timedOut` instead of hanging.
 */
export async function blastRadius(db: SqlTarget, startId: string, options: BlastRadiusOptions): Promise<BlastRadiusResult> {
  const empty = { startId, maxDepth: options.maxDepth, maxNodes: options.maxNodes, nodes: [], grants: [] };
  try {
    return await inTransaction(db, (executor) => walk(executor, startId, options), { readOnly: true });
  } catch (error) {
    if (isQueryCanceled(error)) return { ...empty, capped: false, timedOut: true };
    throw error;
  }
}

async function walk(executor: SqlExecutor, startId: string, options: BlastRadiusOptions): Promise<BlastRadiusResult> {
  const { maxDepth, maxNodes } = options;
  await executor.query("SELECT set_config('statement_timeout', $1, true)", [String(Math.max(1, Math.round(options.timeoutMs)))]);
  const walked = await executor.query<WalkRow>(WALK_SQL, [startId, maxDepth, maxNodes]);
  let capped = walked.length > maxNodes;
  const kept = walked.slice(0, maxNodes);

  const parents = kept.filter((row) => row.depth < maxDepth).map((row) => row.id);
  const room = maxNodes - kept.length;
  // Asked for one more than fits even when nothing fits: finding one means the result is capped.
  const dangling = !capped && parents.length > 0 ? await executor.query<DanglingRow>(DANGLING_SQL, [parents, room + 1]) : [];
  if (dangling.length > room) capped = true;

  const found = await executor.query<NodeRow>(NODES_SQL, [kept.map((row) => row.id)]);
  const byId = new Map(found.map((row) => [row.id, row]));
  const depthOf = new Map(kept.map((row) => [row.id, row.depth]));
  const nodes: BlastNode[] = [
    ...kept.map((row) => reachedNode(row, byId.get(row.id))),
    ...dangling.slice(0, room).map((row) => danglingNode(row, (depthOf.get(row.parent) ?? 0) + 1)),
  ];

  const resources = nodes.filter((node) => node.kind === "resource").map((node) => node.id);
  const grants = resources.length
    ? await executor.query<GrantRow>(GRANTS_SQL, [kept.map((row) => row.id), resources, MAX_GRANTS])
    : [];
  return {
    startId, maxDepth, maxNodes, nodes, capped, timedOut: false,
    grants: grants.map((g) => ({ resourceId: g.resource_id, principalId: g.principal_id, level: g.level })),
  };
}

function reachedNode(row: WalkRow, node: NodeRow | undefined): BlastNode {
  return {
    id: row.id,
    // An edge end may name a row that no longer exists (edges carry no foreign keys).
    kind: node?.kind ?? "external",
    name: node?.name ?? row.id,
    type: node?.type ?? null,
    depth: Number(row.depth),
    gone: node?.gone ?? false,
    via: row.parent && row.relation ? { parentId: row.parent, relation: row.relation, level: row.level } : null,
  };
}

function danglingNode(row: DanglingRow, depth: number): BlastNode {
  return {
    id: `external:${row.to_external_type}:${row.to_external_id}`,
    kind: "external",
    name: row.to_external_id,
    type: row.to_external_type,
    depth,
    gone: false,
    via: { parentId: row.parent, relation: row.relation, level: row.level },
  };
}

/**
 * The statement was cancelled: a pg error says so in `code`; Prisma wraps the driver adapter's
 * error as `meta.driverAdapterError`, whose `cause.originalCode` holds PostgreSQL's code.
 */
function isQueryCanceled(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const fields = error as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  if (fields.code === QUERY_CANCELED || fields.originalCode === QUERY_CANCELED) return true;
  return isQueryCanceled(fields.cause, depth + 1) || isQueryCanceled(fields.meta?.driverAdapterError, depth + 1);
}
