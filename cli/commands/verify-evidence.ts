import fs from "node:fs";
import { AppError } from "@/lib/errors";
import { verifyEvidencePack, type EvidenceVerification } from "@/lib/evidence/verify-evidence-pack";
import { parseOptions, UsageError, type Command } from "@/cli/commands";

/** Exit codes: intact; not intact (a file or the signature fails); could not check at all. */
const EXIT = { intact: 0, broken: 1, unreadable: 2 } as const;

function readFile(option: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`${option}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function report(zip: string, result: EvidenceVerification): void {
  const m = result.manifest;
  if (result.ok) {
    console.log(`${zip}: intact — ${result.files.length} files match the signed manifest (instance ${m?.instanceId}, as of ${m?.asOf})`);
  } else {
    console.log(`${zip}: NOT intact (signature ${result.signature})`);
    for (const line of result.problems) console.log(`  ${line}`);
  }
  if (!result.keyPinned && result.signature === "valid") {
    console.log(
      `  note: checked with the key inside the pack (${result.publicKeyHex}); pin the instance's key with --public-key FILE to prove who signed it`,
    );
  }
}

/** `keyward verify-evidence <zip> [--public-key FILE] [--json]`: offline, no database, no instance key. */
export const verifyEvidenceCommand: Command = {
  summary: "check an evidence pack: every file against the signed manifest (exit 0 intact, 1 not, 2 unreadable)",
  usage: "verify-evidence <zip> [--public-key FILE] [--json]",
  async run(args) {
    const { values, positionals } = parseOptions(args, { "public-key": { type: "string" }, json: { type: "boolean" } }, true);
    if (positionals.length !== 1) throw new UsageError("verify-evidence: give exactly one evidence pack (a .zip file)");
    const zip = positionals[0]!;
    const bytes = readFile("<zip>", zip);
    const publicKey = values["public-key"] === undefined ? undefined : readFile("--public-key", values["public-key"]).toString("utf8");
    let result: EvidenceVerification;
    try {
      result = await verifyEvidencePack(bytes, { publicKey });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = error.field === "publicKey" ? error.message.replace(/^publicKey/, `--public-key ${values["public-key"]}`) : error.message.replace(/^zip/, zip);
      console.error(`keyward verify-evidence: ${message}`);
      return EXIT.unreadable;
    }
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else report(zip, result);
    return result.ok ? EXIT.intact : EXIT.broken;
  },
};
