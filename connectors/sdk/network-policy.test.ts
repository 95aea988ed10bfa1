import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { BlockedAddressError, NetworkError } from "./http-errors";
import { classifyAddress } from "./ip-address";
import { NetworkPolicy, type LookupFunction } from "./network-policy";

const fakeDns = (table: Record<string, string[]>): LookupFunction =>
  vi.fn(async (hostname: string) =>
    (table[hostname] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
  );

const reasonOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof BlockedAddressError ? error.reason : `unexpected ${String(error)}`;
  }
};

describe("NetworkPolicy.checkUrl", () => {
  const policy = new NetworkPolicy();

  it.each([
    ["ftp://example.com/", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["http://example.com/", "insecure_scheme"],
    ["https://good.example@evil.example/", "userinfo"],
    ["https://user:pass@example.com/", "userinfo"],
    ["https://metadata.google.internal/computeMetadata/v1/", "metadata"],
    ["https://METADATA.GOOGLE.INTERNAL./", "metadata"],
    ["https://169.254.169.254/latest/meta-data/", "metadata"],
    ["https://[fd00:ec2::254]/", "metadata"],
    ["https://[::ffff:169.254.169.254]/", "metadata"],
    ["https://127.0.0.1/", "loopback"],
    ["https://2130706433/", "loopback"],
    ["https://0x7f.1/", "loopback"],
    ["https://0177.0.0.1/", "loopback"],
    ["https://[::1]/", "loopback"],
    ["https://[::ffff:127.0.0.1]/", "loopback"],
    ["https://0.0.0.0/", "unspecified"],
    ["https://10.0.0.1/", "private"],
    ["https://100.64.1.1/", "private"],
    ["https://[fd12::1]/", "private"],
    ["https://169.254.1.1/", "link_local"],
  ])("refuses %s (%s)", (url, reason) => {
    expect(reasonOf(() => policy.checkUrl(new URL(url)))).toBe(reason);
  });

  it("lets public https URLs through", () => {
    expect(reasonOf(() => policy.checkUrl(new URL("https://api.github.com/repos")))).toBeUndefined();
    expect(reasonOf(() => policy.checkUrl(new URL("https://8.8.8.8/")))).toBeUndefined();
  });

  it("blocks a literal IPv4 exactly when its class is not public (default policy)", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const blocked = reasonOf(() => policy.checkUrl(new URL(`https://${ip}/`))) !== undefined;
        expect(blocked).toBe(classifyAddress(ip) !== "public");
      }),
    );
  });

  it("with allowPrivateNetworks still blocks metadata, link-local, unspecified and reserved", () => {
    const open = new NetworkPolicy({ allowPrivateNetworks: true });
    const alwaysBlocked = new Set(["metadata", "link_local", "unspecified", "reserved"]);
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (ip) => {
        const host = ip.includes(":") ? `[${ip}]` : ip;
        const blocked = reasonOf(() => open.checkUrl(new URL(`https://${host}/`))) !== undefined;
        expect(blocked).toBe(alwaysBlocked.has(classifyAddress(ip) ?? "reserved"));
      }),
    );
  });
});

describe("NetworkPolicy.resolve", () => {
  it("refuses a name if ANY resolved address is blocked", async () => {
    const policy = new NetworkPolicy({ lookup: fakeDns({ "mixed.test": ["93.184.216.34", "10.0.0.1"] }) });
    await expect(policy.resolve("mixed.test")).rejects.toMatchObject({ reason: "private", address: "10.0.0.1" });
  });

  it("never resolves metadata names", async () => {
    const lookup = fakeDns({});
    const policy = new NetworkPolicy({ lookup, allowPrivateNetworks: true });
    await expect(policy.resolve("metadata.google.internal")).rejects.toMatchObject({ reason: "metadata" });
    expect(lookup).not.toHaveBeenCalled();
  });

  it("allows private answers for allowHosts names and allowCidrs ranges only", async () => {
    const lookup = fakeDns({ "vault.corp": ["10.20.0.5"], "other.corp": ["10.30.0.5"], "imds.corp": ["169.254.169.254"] });
    const byHost = new NetworkPolicy({ lookup, allowHosts: ["Vault.Corp"] });
    await expect(byHost.resolve("vault.corp")).resolves.toEqual([{ address: "10.20.0.5", family: 4 }]);
    await expect(byHost.resolve("other.corp")).rejects.toBeInstanceOf(BlockedAddressError);
    const byCidr = new NetworkPolicy({ lookup, allowCidrs: ["10.20.0.0/16"] });
    await expect(byCidr.resolve("vault.corp")).resolves.toHaveLength(1);
    await expect(byCidr.resolve("other.corp")).rejects.toMatchObject({ reason: "private" });
    const everything = new NetworkPolicy({ lookup, allowHosts: ["imds.corp"], allowCidrs: ["169.254.0.0/16"] });
    await expect(everything.resolve("imds.corp")).rejects.toMatchObject({ reason: "metadata" });
  });

  it("turns DNS failures and empty answers into NetworkError", async () => {
    const failing = new NetworkPolicy({
      lookup: async () => {
        throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
      },
    });
    await expect(failing.resolve("nope.test")).rejects.toMatchObject({ errno: "ENOTFOUND", transient: false });
    const empty = new NetworkPolicy({ lookup: fakeDns({}) });
    await expect(empty.resolve("nothing.test")).rejects.toBeInstanceOf(NetworkError);
  });

  it("rejects malformed allowCidrs entries at construction", () => {
    expect(() => new NetworkPolicy({ allowCidrs: ["10.0.0.0/33"] })).toThrow(/allowCidrs/);
    expect(() => new NetworkPolicy({ allowCidrs: ["vault.corp"] })).toThrow(/allowCidrs/);
  });
});
