import fs from "node:fs";
import { systemCaller } from "@/lib/auth/session-context";
import { getDb } from "@/lib/db";
import { buildEvidencePack } from "@/lib/evidence/build-evidence-pack";
import { deriveEvidenceSigningKey } from "@/lib/evidence/signing-key";
import { defaultMigrationsDir } from "@/lib/migrate/run-migrations";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { assertSchemaReady } from "@/lib/sync/import/assert-schema";
import { parseOptions, UsageError, type Command } from "@/cli/commands";
import { parseAsOf } from "@/cli/commands/export";
import { withDatabase } from "@/cli/with-database";

/** Prints the instance's evidence public key, for an auditor to pin out of band. */
function printPublicKey(): number {
  const key = deriveEvidenceSigningKey(getInstanceKeys().auditKey);
  console.log(key.publicKeyPem.trimEnd());
  console.log(`hex: ${key.publicKeyHex}`);
  console.log(`instance: ${key.instanceId}`);
  return 0;
}

/**
 * `keyward evidence --out FILE.zip [--as-of T]`: the signed evidence pack (docs/evidence.md).
 * Written to FILE.zip.partial first and renamed, so a failure never leaves half a pack behind.
 */
export const evidenceCommand: Command = {
  summary: "write the signed evidence pack (ZIP); --public-key prints the key auditors pin",
  usage: "evidence --out FILE.zip [--as-of T] | --public-key",
  async run(args) {
    const { values } = parseOptions(args, { out: { type: "string" }, "as-of": { type: "string" }, "public-key": { type: "boolean" } });
    if (values["public-key"]) {
      if (values.out !== undefined || values["as-of"] !== undefined) throw new UsageError("--public-key: takes no other option");
      return printPublicKey();
    }
    if (!values.out) throw new UsageError("--out: required, the ZIP file to write (e.g. --out evidence.zip)");
    const out = values.out;
    const asOf = parseAsOf(values["as-of"]);
    return withDatabase(async ({ url }) => {
      await assertSchemaReady(url, { migrationsDir: defaultMigrationsDir() });
      const partial = `${out}.partial`;
      try {
        const pack = await buildEvidencePack(systemCaller("cli evidence"), { asOf });
        fs.writeFileSync(partial, pack.zip);
        fs.renameSync(partial, out);
        console.error(`wrote ${out}: ${pack.manifest.files.length} files + signed manifest, ${pack.zip.length} bytes`);
        console.error(`manifest sha256 ${pack.manifestSha256}; signed by instance ${pack.manifest.instanceId}`);
        return 0;
      } finally {
        fs.rmSync(partial, { force: true });
        await getDb().$disconnect();
      }
    });
  },
};
