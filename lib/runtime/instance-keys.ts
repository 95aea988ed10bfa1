import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ConfigError, getEnv, type Env } from "@/lib/env";

/**
 * The instance's own secrets. Each comes from its env variable or, on first start, is generated
 * into `<data dir>/keys.json` (mode 0600). They never enter the database: the audit chain and the
 * fingerprints would be forgeable by anyone who could read them there.
 */
export type InstanceKeys = {
  /** Signs session cookies (next-auth). */
  sessionSecret: string;
  /** HMAC key of the audit hash chain. */
  auditKey: Buffer;
  /** HMAC key of secret-value fingerprints. */
  fingerprintKey: Buffer;
  /** Root key (KEK) for envelope encryption of connector credentials. */
  encryptionKey: Buffer;
};

/** 32 bytes = 256-bit keys for HMAC-SHA256 and AES-256-GCM. */
const KEY_BYTES = 32;

const keyFileSchema = z.object({
  sessionSecret: z.string().min(32),
  auditKey: z.string().min(43),
  fingerprintKey: z.string().min(43),
  encryptionKey: z.string().min(43),
});

type KeyFile = z.infer<typeof keyFileSchema>;

function generateKeyFile(): KeyFile {
  const fresh = () => randomBytes(KEY_BYTES).toString("base64");
  return { sessionSecret: fresh(), auditKey: fresh(), fingerprintKey: fresh(), encryptionKey: fresh() };
}

function readOrCreateKeyFile(file: string): KeyFile {
  if (fs.existsSync(file)) {
    const parsed = keyFileSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.success) throw new ConfigError(`${file}: not a valid Keyward key file`);
    return parsed.data;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const keys = generateKeyFile();
  // 'wx' fails if another process created the file meanwhile; then read theirs.
  try {
    fs.writeFileSync(file, JSON.stringify(keys, null, 2) + "\n", { mode: 0o600, flag: "wx" });
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readOrCreateKeyFile(file);
    throw error;
  }
}

function decodeKey(name: string, value: string): Buffer {
  const bytes = /^[0-9a-f]+$/i.test(value) && value.length >= 64 ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (bytes.length < KEY_BYTES) {
    throw new ConfigError(`${name}: must be at least ${KEY_BYTES} bytes, as base64 or hex`);
  }
  return bytes;
}

export function loadInstanceKeys(env: Env = getEnv()): InstanceKeys {
  const needFile =
    !env.KEYWARD_SESSION_SECRET || !env.KEYWARD_AUDIT_KEY || !env.KEYWARD_FINGERPRINT_KEY || !env.KEYWARD_ENCRYPTION_KEY;
  const file = needFile ? readOrCreateKeyFile(path.join(env.dataDir, "keys.json")) : undefined;
  const pick = (name: string, fromEnv: string | undefined, fromFile: string | undefined) => {
    const value = fromEnv ?? fromFile;
    if (!value) throw new ConfigError(`${name}: missing`);
    return value;
  };
  return {
    sessionSecret: pick("KEYWARD_SESSION_SECRET", env.KEYWARD_SESSION_SECRET, file?.sessionSecret),
    auditKey: decodeKey("KEYWARD_AUDIT_KEY", pick("KEYWARD_AUDIT_KEY", env.KEYWARD_AUDIT_KEY, file?.auditKey)),
    fingerprintKey: decodeKey(
      "KEYWARD_FINGERPRINT_KEY",
      pick("KEYWARD_FINGERPRINT_KEY", env.KEYWARD_FINGERPRINT_KEY, file?.fingerprintKey),
    ),
    encryptionKey: decodeKey(
      "KEYWARD_ENCRYPTION_KEY",
      pick("KEYWARD_ENCRYPTION_KEY", env.KEYWARD_ENCRYPTION_KEY, file?.encryptionKey),
    ),
  };
}

let cached: InstanceKeys | undefined;

export function getInstanceKeys(): InstanceKeys {
  cached ??= loadInstanceKeys();
  return cached;
}
