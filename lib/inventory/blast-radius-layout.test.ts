import { describe, expect, it } from "vitest";
import { layoutBlastRadius, NODE_HEIGHT, NODE_WIDTH, relationLabel } from "@/lib/inventory/blast-radius-layout";
import type { BlastNode } from "@/lib/inventory/blast-radius-query";

function node(id: string, kind: BlastNode["kind"], depth: number, parentId?: string): BlastNode {
  return { id, kind, name: id, type: "t", depth, gone: false, via: parentId ? { parentId, relation: "can_assume", level: null } : null };
}

/** A start node fanning out `width` wide over `depth` levels. */
function tree(width: number, depth: number): BlastNode[] {
  const nodes = [node("n0", "credential", 0)];
  let level = ["n0"];
  for (let d = 1; d <= depth; d++) {
    const next = Array.from({ length: width }, (_, i) => `n${d}-${i}`);
    next.forEach((id, i) => nodes.push(node(id, d % 2 ? "identity" : "resource", d, level[i % level.length])));
    level = next;
  }
  return nodes;
}

const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

describe("layoutBlastRadius", () => {
  it("gives every node finite coordinates, left to right by depth, none overlapping", () => {
    const nodes = tree(6, 4);
    const graph = layoutBlastRadius(nodes);
    expect(graph.nodes).toHaveLength(nodes.length);
    for (const n of graph.nodes) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    }
    const at = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const n of nodes.filter((n) => n.via)) expect(at.get(n.id)!.x).toBeGreaterThan(at.get(n.via!.parentId)!.x);
    for (let i = 0; i < graph.nodes.length; i++) {
      for (let j = i + 1; j < graph.nodes.length; j++) expect(overlaps(graph.nodes[i]!, graph.nodes[j]!)).toBe(false);
    }
  });

  it("draws one labelled edge per reached node and links only nodes with a detail page", () => {
    const nodes = [
      node("key", "credential", 0),
      { ...node("user", "identity", 1), via: { parentId: "key", relation: "held_by" as const, level: null } },
      { ...node("db", "resource", 2), via: { parentId: "user", relation: "has_permission" as const, level: "admin" } },
    ];
    const graph = layoutBlastRadius(nodes);
    expect(graph.edges).toEqual([
      { id: "key->user", source: "key", target: "user", label: "held by" },
      { id: "user->db", source: "user", target: "db", label: "admin" },
    ]);
    expect(graph.nodes.map((n) => [n.id, n.href, n.start])).toEqual([
      ["key", "/inventory/credentials/key", true],
      ["user", "/inventory/identities/user", false],
      ["db", null, false],
    ]);
  });

  it("lays out a capped 500-node radius and a lone start node without NaN", () => {
    for (const nodes of [tree(125, 4).slice(0, 500), [node("alone", "identity", 0)]]) {
      const graph = layoutBlastRadius(nodes);
      expect(graph.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    }
  });

  it("names a permission by its level and other relations in words", () => {
    expect(relationLabel("has_permission", "write")).toBe("write");
    expect(relationLabel("has_permission", null)).toBe("permission");
    expect(relationLabel("same_secret", null)).toBe("same secret");
  });
});
