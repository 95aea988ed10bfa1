import dagre from "@dagrejs/dagre";
import type { BlastNode, BlastNodeKind } from "@/lib/inventory/blast-radius-query";
import type { WalkRelation } from "@/lib/inventory/blast-radius-sql";

/*
 * Positions for the blast radius graph, computed on the server with dagre so the browser receives
 * ready coordinates (components/graph only draws; the layout library stays out of the client
 * bundle). Left to right from the start node (ENGINEERING "Look and feel"); one edge per reached
 * node, the route the walk found first.
 */

/** Every node is drawn at this size; dagre needs it to keep nodes apart. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 52;

export type GraphNode = {
  id: string;
  kind: BlastNodeKind;
  label: string;
  sublabel: string;
  /** The detail page, for identities and credentials. */
  href: string | null;
  start: boolean;
  gone: boolean;
  /** Top-left corner, as React Flow places nodes. */
  x: number;
  y: number;
};

export type GraphEdge = { id: string; source: string; target: string; label: string };

export type BlastGraph = { nodes: GraphNode[]; edges: GraphEdge[]; nodeWidth: number; nodeHeight: number };

const RELATION_LABELS: Record<WalkRelation, string> = {
  has_credential: "credential",
  held_by: "held by",
  can_assume: "can assume",
  has_permission: "permission",
  member_of: "member of",
  same_secret: "same secret",
};

/** "can assume", or the privilege level of a permission ("admin"). */
export function relationLabel(relation: WalkRelation, level: string | null): string {
  return relation === "has_permission" && level ? level : RELATION_LABELS[relation];
}

export function detailHref(node: Pick<BlastNode, "id" | "kind">): string | null {
  if (node.kind === "identity") return `/inventory/identities/${node.id}`;
  if (node.kind === "credential") return `/inventory/credentials/${node.id}`;
  return null;
}

export function layoutBlastRadius(nodes: readonly BlastNode[]): BlastGraph {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 14, ranksep: 90, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((node) => node.id));
  for (const node of nodes) graph.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const edges: GraphEdge[] = [];
  for (const node of nodes) {
    if (!node.via || !ids.has(node.via.parentId)) continue;
    graph.setEdge(node.via.parentId, node.id);
    edges.push({ id: `${node.via.parentId}->${node.id}`, source: node.via.parentId, target: node.id, label: relationLabel(node.via.relation, node.via.level) });
  }
  dagre.layout(graph);
  return {
    nodes: nodes.map((node) => {
      const { x, y } = graph.node(node.id);
      return {
        id: node.id,
        kind: node.kind,
        label: node.name,
        sublabel: [node.kind, node.type].filter(Boolean).join(" · "),
        href: detailHref(node),
        start: node.depth === 0,
        gone: node.gone,
        // dagre gives centres.
        x: x - NODE_WIDTH / 2,
        y: y - NODE_HEIGHT / 2,
      };
    }),
    edges,
    nodeWidth: NODE_WIDTH,
    nodeHeight: NODE_HEIGHT,
  };
}
