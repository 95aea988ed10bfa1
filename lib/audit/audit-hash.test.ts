import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, hashAuditEvent, normaliseSummary } from "@/lib/audit/audit-hash";

const KEY = Buffer.alloc(32, 1);
const event = {
  occurredAt: new Date("2026-01-02T03:04:05.678Z"),
  actorType: "user",
  actorId: "u1",
  actorLabel: "ana@example.com",
  action: "user.role_changed",
  targetType: "user",
  targetId: "u2",
  summary: { before: "owner", after: "analyst" },
};

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe('{"a":{"d":[2,{"y":null,"z":1}]},"b":1}');
  });

  it("is independent of key order", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it("survives a jsonb round trip (what verification reads back)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const stored = normaliseSummary(obj);
        expect(canonicalJson(JSON.parse(JSON.stringify(stored)))).toBe(canonicalJson(stored));
      }),
    );
  });
});

describe("hashAuditEvent", () => {
  it("is HMAC-SHA256 over the previous hash, a newline and the canonical event", () => {
    const canonical =
      '{"action":"user.role_changed","actorId":"u1","actorLabel":"ana@example.com","actorType":"user","occurredAt":"2026-01-02T03:04:05.678Z","summary":{"after":"analyst","before":"owner"},"targetId":"u2","targetType":"user"}';
    const expected = createHmac("sha256", KEY).update(`${GENESIS_HASH}\n${canonical}`).digest("hex");
    expect(hashAuditEvent(KEY, GENESIS_HASH, event)).toBe(expected);
  });

  it("changes when any field, the previous hash or the key changes", () => {
    const base = hashAuditEvent(KEY, GENESIS_HASH, event);
    expect(hashAuditEvent(KEY, "1".repeat(64), event)).not.toBe(base);
    expect(hashAuditEvent(Buffer.alloc(32, 2), GENESIS_HASH, event)).not.toBe(base);
    for (const [field, value] of Object.entries({ actorLabel: "eve@example.com", action: "user.disabled", targetId: "u3", summary: { before: "owner", after: "admin" } })) {
      expect(hashAuditEvent(KEY, GENESIS_HASH, { ...event, [field]: value })).not.toBe(base);
    }
    expect(hashAuditEvent(KEY, GENESIS_HASH, { ...event, occurredAt: new Date("2026-01-02T03:04:05.679Z") })).not.toBe(base);
  });
});
