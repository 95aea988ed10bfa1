import { z } from "zod";

/*
 * Registry credentials of a `kubernetes.io/dockerconfigjson` Secret (`.dockerconfigjson`:
 * `{ "auths": { "<registry>": { username, password, auth, identitytoken } } }`) or of the legacy
 * `kubernetes.io/dockercfg` (`.dockercfg`: the `auths` map itself). `auth` is base64 of
 * `user:password`. The registry and user are kept; only the secret part is returned for
 * fingerprinting, and the caller drops it.
 */

const entrySchema = z.object({
  username: z.string().optional(),
  password: z.string().optional(),
  auth: z.string().optional(),
  identitytoken: z.string().optional(),
});
const authsSchema = z.record(z.string(), entrySchema);
const dockerConfigJsonSchema = z.object({ auths: authsSchema });

export interface RegistryCredential {
  readonly registry: string;
  readonly username: string | undefined;
  /** The password or identity token: to be fingerprinted, never stored. */
  readonly secret: string | undefined;
}

function fromAuth(auth: string | undefined): { username?: string; password?: string } {
  if (!auth) return {};
  const decoded = Buffer.from(auth, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? {} : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The registries of a decoded docker config; undefined when the text is not one. */
export function registryCredentialsOf(text: string, legacy: boolean): RegistryCredential[] | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = legacy
    ? authsSchema.safeParse(json)
    : dockerConfigJsonSchema.transform((config) => config.auths).safeParse(json);
  if (!result.success) return undefined;
  return Object.entries(result.data).map(([registry, entry]) => {
    const basic = fromAuth(entry.auth);
    return {
      registry,
      username: entry.username || basic.username || undefined,
      secret: entry.password || basic.password || entry.identitytoken || undefined,
    };
  });
}
