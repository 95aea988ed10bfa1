import { systemCaller } from "@/lib/auth/session-context";
import { FORMULA_PAYLOADS } from "@/lib/evidence/testing/formula-payloads";
import { runPolicyEvaluation } from "@/lib/policy/run-evaluation";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { importPath } from "@/lib/sync/import/import-path";
import { importOptions, keywardDoc, tempFolder } from "@/lib/sync/import/testing/import-fixtures";

/** Test data (never imported by production code): an inventory whose text fields are formula payloads. */

/** A secret value planted through an import; it must appear in no export and no pack. */
export const CANARY_SECRET = "kw-canary-9f2c1e7a-DO-NOT-EXPORT-5b8d";

/** Payloads PostgreSQL can store (text columns cannot hold NUL; the unit test covers that one). */
export const STORABLE_PAYLOADS: string[] = FORMULA_PAYLOADS.filter((p) => !p.includes("\0"));

const LONG_AGO = "2020-01-01T00:00:00Z";

/**
 * Imports one identity and one old credential per payload (name, environment, owner team, tags,
 * purpose and a location path all hold it) plus a credential whose value is the canary, then
 * evaluates the policies so findings name the payloads too. Uses the instance's own keys, so the
 * audit chain verifies. Needs DATABASE_URL set to `url`.
 */
export async function seedPayloadInventory(url: string): Promise<void> {
  const identities = STORABLE_PAYLOADS.map((payload, i) => ({
    externalType: "keyward.identity",
    externalId: `payload-${i}`,
    name: payload,
    type: "service_account",
    environment: payload,
    owner: { team: payload },
    purpose: payload,
    tags: { label: payload },
    createdAt: LONG_AGO,
  }));
  const credentials: Record<string, unknown>[] = STORABLE_PAYLOADS.map((payload, i) => ({
    externalType: "keyward.credential",
    externalId: `payload-key-${i}`,
    name: payload,
    type: "access_key",
    identityRef: { externalType: "keyward.identity", externalId: `payload-${i}` },
    environment: payload,
    createdAt: LONG_AGO,
    locations: [{ path: payload }],
    tags: { label: payload },
  }));
  credentials.push({
    ...credentials[0]!,
    externalId: "canary-key",
    name: "canary-key",
    environment: "prod",
    locations: [{ path: "config/app.env" }],
    tags: { label: "canary" },
    value: CANARY_SECRET,
  });
  const folder = tempFolder({ "payloads.json": keywardDoc({ identities, credentials }) });
  try {
    const { fingerprintKey, auditKey } = getInstanceKeys();
    const report = await importPath(folder.dir, importOptions(url, { source: "payloads", keys: { fingerprintKey, auditKey } }));
    if (!report.ok) throw new Error(`fixture import failed: ${JSON.stringify(report)}`);
  } finally {
    folder.remove();
  }
  await runPolicyEvaluation(systemCaller("evidence test"));
}
