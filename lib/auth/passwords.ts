import { hash, verify } from "@node-rs/argon2";
import { randomBytes, randomInt } from "node:crypto";

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). The parameters are stored
 * in the hash string, so raising them later still verifies old hashes.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random value, verified against when the e-mail is unknown: equal timing either way. */
let decoyHash: Promise<string> | undefined;
export function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return decoyHash;
}

/** 20 characters from an alphabet without look-alikes: ~115 bits, easy to type once. */
export function generatePassword(length = 20): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  // randomInt is uniform (no modulo bias).
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}
