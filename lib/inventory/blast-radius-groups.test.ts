import { describe, expect, it } from "vitest";
import { groupByPrivilege, groupPrincipals } from "@/lib/inventory/blast-radius-groups";
import type { BlastNode } from "@/lib/inventory/blast-radius-query";

function node(id: string, kind: BlastNode["kind"], depth: number, via: BlastNode["via"] = null): BlastNode {
  return { id, kind, name: id, type: null, depth, gone: false, via };
}

const start = node("key", "credential", 0);
const user = node("user", "identity", 1, { parentId: "key", relation: "held_by", level: null });
const role = node("role", "identity", 2, { parentId: "user", relation: "can_assume", level: null });
const bucket = node("bucket", "resource", 2, { parentId: "user", relation: "has_permission", level: "read" });
const account = node("account", "resource", 3, { parentId: "role", relation: "has_permission", level: "admin" });
const tenant = node("tenant", "resource", 2, { parentId: "user", relation: "member_of", level: null });
const elsewhere = node("external:aws.iam_role:x", "external", 2, { parentId: "user", relation: "has_permission", level: "write" });

describe("groupByPrivilege", () => {
  it("puts each resource under its strongest grant in the radius, strongest group first", () => {
    const groups = groupByPrivilege([start, user, role, bucket, account, tenant, elsewhere], [
      { resourceId: "bucket", principalId: "user", level: "read" },
      // The role reaches the bucket too, with more: the bucket counts as written.
      { resourceId: "bucket", principalId: "role", level: "write" },
      { resourceId: "account", principalId: "role", level: "admin" },
    ]);
    expect(groups.map((g) => [g.level, g.resources.map((r) => r.id)])).toEqual([
      ["admin", ["account"]],
      ["write", ["bucket", "external:aws.iam_role:x"]],
      ["unspecified", ["tenant"]],
    ]);
    const written = groups[1]!.resources[0]!;
    expect(written.grantedTo).toEqual([
      { id: "role", name: "role", level: "write" },
      { id: "user", name: "user", level: "read" },
    ]);
  });

  it("treats unknown levels as unspecified and leaves identities and credentials out", () => {
    const groups = groupByPrivilege([start, user, bucket], [{ resourceId: "bucket", principalId: "user", level: "owner" }]);
    expect(groups).toEqual([{ level: "unspecified", resources: [expect.objectContaining({ id: "bucket" })] }]);
  });

  it("is empty when nothing but principals is reached", () => {
    expect(groupByPrivilege([start, user, role], [])).toEqual([]);
  });
});

describe("groupPrincipals", () => {
  it("lists reached identities and credentials nearest first, without the start node", () => {
    const copy = node("copy", "credential", 1, { parentId: "key", relation: "same_secret", level: null });
    expect(groupPrincipals([start, role, user, copy, bucket]).map((g) => [g.kind, g.nodes.map((n) => n.id)])).toEqual([
      ["identity", ["user", "role"]],
      ["credential", ["copy"]],
    ]);
  });
});
