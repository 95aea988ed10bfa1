import { beforeAll, describe, expect, it } from "vitest";
import { detectFormat, FormatError, inspectFile } from "../sdk";
import { generateTestPki, type TestPki } from "./__fixtures__/test-pki";
import { certificatesConnector } from "./index";

let pki: TestPki;
beforeAll(async () => {
  pki = await generateTestPki();
});

const detect = (path: string, content: string | Uint8Array) =>
  detectFormat(inspectFile(path, content), certificatesConnector.formats);

describe("offline certificate formats", () => {
  it("recognises PEM by its markers, whatever the file is called", () => {
    expect(detect("anything.txt", pki.leaf.pem + pki.intermediate.pem)).toMatchObject({
      format: { id: "certificates.pem" },
      confidence: 0.9,
    });
    expect(detect("keys/server", pki.leaf.keyPem)).toMatchObject({ format: { id: "certificates.pem" } });
  });

  it("recognises DER by parsing it, with a lower confidence than PEM", () => {
    expect(detect("download.bin", pki.leaf.der)).toMatchObject({ format: { id: "certificates.der" }, confidence: 0.6 });
  });

  it("leaves JSON documents that embed PEM, and unrelated files, to other formats", () => {
    expect(detect("state.json", JSON.stringify({ values: { cert_pem: pki.leaf.pem } }))).toBeNull();
    expect(detect("notes.txt", "nothing to see here\n")).toBeNull();
    expect(detect("random.bin", new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]))).toBeNull();
  });

  it("parses a bundle into one files item", () => {
    const file = inspectFile("bundle.pem", pki.leaf.pem + pki.root.pem);
    const [batch] = detect("bundle.pem", pki.leaf.pem + pki.root.pem)?.format.parse(file) ?? [];
    expect(batch).toMatchObject({
      stream: "files",
      items: [
        {
          path: "bundle.pem",
          encoding: "pem",
          blocks: [
            { label: "CERTIFICATE", line: 1 },
            { label: "CERTIFICATE", line: pki.leaf.pem.split("\n").length },
          ],
        },
      ],
    });
  });

  it("reports a broken block with its line and without its content", () => {
    const broken = `${pki.leaf.pem}-----BEGIN CERTIFICATE-----\nTk9UIEEgQ0VSVA==\n-----END CERTIFICATE-----\n`;
    const format = detect("broken.pem", broken)?.format;
    const error = (() => {
      try {
        format?.parse(inspectFile("broken.pem", broken));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect(error).toMatchObject({ code: "parse_failed", line: pki.leaf.pem.split("\n").length, file: "broken.pem" });
    expect((error as Error).message).not.toContain("Tk9UIEEgQ0VSVA");
    const unterminated = `-----BEGIN CERTIFICATE-----\n${pki.leaf.der.toString("base64")}\n`;
    expect(() => detect("cut.pem", unterminated)?.format.parse(inspectFile("cut.pem", unterminated))).toThrow(/line 1.*no END/);
  });
});
