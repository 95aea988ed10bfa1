import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { certificatesConnector } from "./index";

const check = (raw: unknown) => {
  const config = certificatesConnector.configSchema.parse(raw);
  return certificatesConnector.check({ config } as Parameters<typeof certificatesConnector.check>[0]);
};

describe("certificates connection test", () => {
  it("accepts targets the network policy allows and paths that exist", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keyward-cert-check-"));
    try {
      await expect(check({ targets: ["127.0.0.1:8443"], paths: [dir], allowPrivateNetworks: true })).resolves.toEqual({
        ok: true,
        detail: "1 target(s) resolve and are allowed; 1 path(s) exist",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names each refused target and missing path", async () => {
    await expect(
      check({ targets: ["169.254.169.254:443", "127.0.0.1:443"], paths: ["/nonexistent/keyward-certs"] }),
    ).resolves.toEqual({
      ok: false,
      detail:
        "169.254.169.254:443: refused to connect to 169.254.169.254: metadata; 127.0.0.1:443: refused to connect to 127.0.0.1: loopback; /nonexistent/keyward-certs: ENOENT",
    });
    await expect(check({})).resolves.toEqual({ ok: false, detail: "configure at least one target or path" });
  });
});
