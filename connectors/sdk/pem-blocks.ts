/*
 * RFC 7468 text encoding: `-----BEGIN LABEL-----`, optional RFC 1421 headers (legacy encrypted
 * keys carry `Proc-Type: 4,ENCRYPTED`), base64 lines, `-----END LABEL-----`. Text outside blocks
 * (OpenSSL's "subject=…" comments in bundles) is ignored, as every PEM reader does.
 */

/** One PEM block; `body` is its base64 with all whitespace removed. */
export interface PemBlock {
  readonly label: string;
  readonly body: string;
  /** 1-based line of the BEGIN marker, for import errors. */
  readonly line: number;
  /** An encrypted private key (PKCS#8 `ENCRYPTED PRIVATE KEY` or a legacy `Proc-Type` header). */
  readonly encrypted: boolean;
}

/** A block that starts but never ends, or ends with another label. */
export class PemSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = "PemSyntaxError";
  }
}

const BEGIN = /^-----BEGIN ([A-Z0-9 ]+)-----\s*$/;
const END = /^-----END ([A-Z0-9 ]+)-----\s*$/;

/** Quick test used by format detection: does the text hold a certificate or a private key? */
export const PEM_MARKER = /-----BEGIN (?:CERTIFICATE|[A-Z0-9 ]*PRIVATE KEY)-----/;

/** Splits PEM text into blocks. Throws `PemSyntaxError` on an unterminated or mismatched block. */
export function readPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const lines = text.split(/\r?\n/);
  let open: { label: string; line: number; body: string[]; encrypted: boolean } | undefined;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!open) {
      const begin = BEGIN.exec(line);
      if (begin?.[1]) open = { label: begin[1], line: index + 1, body: [], encrypted: begin[1].includes("ENCRYPTED") };
      return;
    }
    const end = END.exec(line);
    if (end) {
      if (end[1] !== open.label) throw new PemSyntaxError(index + 1, `END ${end[1]} closes BEGIN ${open.label}`);
      blocks.push({ label: open.label, body: open.body.join(""), line: open.line, encrypted: open.encrypted });
      open = undefined;
      return;
    }
    if (line.includes(":")) {
      // RFC 1421 header: only its meaning matters, never its value.
      if (/^Proc-Type:.*ENCRYPTED/i.test(line)) open.encrypted = true;
      return;
    }
    open.body.push(line.replace(/\s+/g, ""));
  });
  if (open) throw new PemSyntaxError(open.line, `BEGIN ${open.label} has no END line`);
  return blocks;
}
