import "server-only";
import { z } from "zod";
import type { Caller } from "@/lib/auth/session-context";
import { getDb, withReadClient } from "@/lib/db";
import { requireVisibleNode } from "@/lib/inventory/node-detail-access";
import { blastRadius as walkBlastRadius, type BlastRadiusResult } from "@/lib/inventory/blast-radius-query";

/** Depth shown unless asked otherwise: far enough for key → identity → role → resource → … */
export const DEFAULT_DEPTH = 4;
/** Deeper walks reach most of a connected estate and say little about one node. */
export const MAX_DEPTH = 6;
/** Nodes a page or the API shows by default: more no longer reads as a graph. */
export const DEFAULT_MAX_NODES = 500;
export const MAX_NODES_LIMIT = 2000;
/** A hub must not hold a page: past this the answer is "timed out" with a smaller depth to try. */
export const WALK_TIMEOUT_MS = 3000;

/** Query-string options of the page and of GET /api/v1/blast-radius. */
export const blastRadiusOptionsSchema = z.object({
  depth: z.coerce.number().int().min(1).max(MAX_DEPTH).default(DEFAULT_DEPTH),
  maxNodes: z.coerce.number().int().min(1).max(MAX_NODES_LIMIT).default(DEFAULT_MAX_NODES),
});
export type BlastRadiusRequest = z.input<typeof blastRadiusOptionsSchema>;

/**
 * The blast radius of an identity or credential the caller may open (inventory:read; an owner
 * only from what they own), else NOT_FOUND. What is reached is shown whoever owns it: it is what
 * the start node's holder can reach.
 */
export async function blastRadius(
  caller: Caller,
  startId: string,
  options: BlastRadiusRequest = {},
): Promise<BlastRadiusResult> {
  const { depth, maxNodes } = blastRadiusOptionsSchema.parse(options);
  await requireVisibleNode(getDb(), caller, startId);
  // Four statements in one read-only snapshot: on node-postgres, not a Prisma interactive transaction (lib/db).
  return withReadClient((client) => walkBlastRadius(client, startId, { maxDepth: depth, maxNodes, timeoutMs: WALK_TIMEOUT_MS }));
}
