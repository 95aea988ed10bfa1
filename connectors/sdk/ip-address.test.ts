import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyAddress, parseIPv6, type AddressClass } from "./ip-address";

const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join("."));
const toHexMapped = (v4: string) => {
  const [a = 0, b = 0, c = 0, d = 0] = v4.split(".").map(Number);
  return `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
};
/** An IPv4 address inside `network/prefix`. */
const inRange = (network: string, prefix: number) =>
  fc.integer({ min: 0, max: 2 ** (32 - prefix) - 1 }).map((offset) => {
    const base = network.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
    const value = base + offset;
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
  });

describe("classifyAddress", () => {
  it.each<[string, AddressClass | null]>([
    ["169.254.169.254", "metadata"],
    ["[fd00:ec2::254]", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["169.254.10.1", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["febf::1", "link_local"],
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::7f00:1", "loopback"],
    ["2002:7f00:1::", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["fd12:3456::1", "private"],
    ["fc00::1", "private"],
    ["224.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["ff02::1", "reserved"],
    ["8.8.8.8", "public"],
    ["2606:4700:4700::1111", "public"],
    ["example.com", null],
    ["0177.0.0.1", null], // octal-looking: not a literal we trust; resolved by DNS and checked then
    ["1.2.3", null],
  ])("%s is %s", (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it("classifies IPv4-mapped IPv6 (dotted and hex) exactly like the IPv4 address", () => {
    fc.assert(
      fc.property(ipv4, (v4) => {
        const cls = classifyAddress(v4);
        expect(classifyAddress(`::ffff:${v4}`)).toBe(cls);
        expect(classifyAddress(toHexMapped(v4))).toBe(cls);
        expect(classifyAddress(`[${toHexMapped(v4)}]`)).toBe(cls);
      }),
    );
  });

  it("agrees with the WHATWG URL parser's normalisation of decimal and hex IPv4 forms", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (value) => {
        const dotted = new URL(`http://${value}/`).hostname;
        const hex = new URL(`http://0x${value.toString(16)}/`).hostname;
        expect(hex).toBe(dotted);
        expect(classifyAddress(dotted)).not.toBeNull();
      }),
    );
  });

  it.each<[string, number, AddressClass]>([
    ["10.0.0.0", 8, "private"],
    ["172.16.0.0", 12, "private"],
    ["192.168.0.0", 16, "private"],
    ["100.64.0.0", 10, "private"],
    ["127.0.0.0", 8, "loopback"],
    ["0.0.0.0", 8, "unspecified"],
  ])("every address of %s/%i is %s", (network, prefix, expected) => {
    fc.assert(
      fc.property(inRange(network, prefix), (address) => {
        expect(classifyAddress(address)).toBe(expected);
      }),
    );
  });

  it("every link-local IPv4 address except the metadata endpoints is link_local", () => {
    fc.assert(
      fc.property(inRange("169.254.0.0", 16), (address) => {
        const expected = address === "169.254.169.254" || address === "169.254.170.2" ? "metadata" : "link_local";
        expect(classifyAddress(address)).toBe(expected);
      }),
    );
  });

  it("every fe80::/10 address is link_local, every fc00::/7 address private", () => {
    const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    const tail = fc.array(hextet, { minLength: 7, maxLength: 7 }).map((parts) => parts.join(":"));
    fc.assert(
      fc.property(fc.integer({ min: 0xfe80, max: 0xfebf }), tail, (head, rest) => {
        expect(classifyAddress(`${head.toString(16)}:${rest}`)).toBe("link_local");
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0xfc00, max: 0xfdff }), tail, (head, rest) => {
        const address = `${head.toString(16)}:${rest}`;
        const expected = parseIPv6(address) === parseIPv6("fd00:ec2::254") ? "metadata" : "private";
        expect(classifyAddress(address)).toBe(expected);
      }),
    );
  });

  it("never throws and returns a class for any valid IPv6 address", () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        expect(classifyAddress(address)).not.toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(classifyAddress(address)).not.toBeNull();
      }),
    );
  });
});

describe("parseIPv6", () => {
  it("expands compressed forms and dotted tails", () => {
    expect(parseIPv6("::1")).toBe(1n);
    expect(parseIPv6("1::")).toBe(1n << 112n);
    expect(parseIPv6("::ffff:1.2.3.4")).toBe((0xffffn << 32n) | 0x01020304n);
    expect(parseIPv6("1:2:3:4:5:6:7:8")).toBe(0x00010002000300040005000600070008n);
    expect(parseIPv6("not-an-ip")).toBeNull();
    expect(parseIPv6("1.2.3.4")).toBeNull();
  });
});
