import { beforeAll, describe, expect, it } from "vitest";
import { expectHarnessPasses, runConnectorHarness, type TransformContext } from "../sdk";
import { generateTestPki, type TestPki } from "./__fixtures__/test-pki";
import { scanItem } from "./__fixtures__/transform-helpers";
import { certificatesConnector } from "./index";
import { readCertificateFile } from "./pem/certificate-file";

let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki();
});

/** A line of a private key's base64 body: if any record carried the key, it would carry this. */
const keyLine = (pem: string) => pem.split("\n")[2] ?? "";

function harnessOptions() {
  const bundle = readCertificateFile(
    "/srv/app/tls.pem",
    Buffer.from(pki.leaf.pem + pki.leaf.keyPem + pki.intermediate.pem),
    new Date().toISOString(),
  );
  return {
    fixtures: [
      {
        stream: "targets",
        items: [
          { host: "app.example.test", port: 443 },
          { host: "10.0.0.5", port: 8443, servername: "vhost.example.test" },
        ],
      },
      {
        stream: "endpoints",
        parent: { stream: "targets", id: "app.example.test:443", name: "app.example.test:443" },
        items: [scanItem("app.example.test:443", [pki.leaf.der, pki.intermediate.der, pki.root.der])],
      },
      { stream: "files", items: [bundle] },
    ],
    files: [
      { path: "import/server.pem", content: pki.selfSigned.pem + pki.selfSigned.keyPem },
      { path: "import/legacy.cer", content: pki.rsa1024.der },
    ],
    canaries: [keyLine(pki.leaf.keyPem), keyLine(pki.selfSigned.keyPem)],
  };
}

describe("certificates connector", () => {
  it("passes the connector harness with private keys planted in fixtures and files", async () => {
    await expectHarnessPasses(certificatesConnector, harnessOptions());
  });

  it("plants canaries that would catch a transform leaking a key body", async () => {
    const files = certificatesConnector.streams.find((s) => s.name === "files");
    if (!files) throw new Error("no files stream");
    // A broken variant that copies the raw item (PEM bodies included) into an attribute.
    const leakyFiles = {
      ...files,
      transform: (item: unknown, ctx: TransformContext) =>
        files
          .transform(item, ctx)
          .map((record) => (record.kind === "credential" ? { ...record, attributes: { raw: JSON.stringify(item) } } : record)),
    };
    const leaky = { ...certificatesConnector, streams: certificatesConnector.streams.map((s) => (s === files ? leakyFiles : s)) };
    const violations = await runConnectorHarness(leaky, harnessOptions());
    expect(new Set(violations.map((v) => v.code))).toEqual(new Set(["canary_leaked"]));
  });

  it("declares read-only permissions per stream and no secret config fields", () => {
    expect(certificatesConnector.secretFields).toEqual([]);
    expect(certificatesConnector.permissions.map((p) => p.stream)).toEqual(["endpoints", "files"]);
    expect(certificatesConnector.streams.map((s) => [s.name, s.parent, [...s.externalTypes]])).toEqual([
      ["targets", undefined, ["certificates.endpoint"]],
      ["endpoints", "targets", ["certificates.tls_certificate"]],
      ["files", undefined, ["certificates.certificate", "certificates.private_key"]],
    ]);
  });
});
