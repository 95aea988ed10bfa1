import type { OwnerHint } from "./owner-hint";

/*
 * Entra objects carry `tags` as a list of free strings. Keyward reads the `key:value` and
 * `key=value` conventions people use for metadata (`env:prod`, `owner=ana@contoso.com`); other
 * tags (`HideApp`, `WindowsAzureActiveDirectoryIntegratedApp`) are kept with an empty value.
 */

/** Tag keys read as the environment, in order of preference. */
export const ENVIRONMENT_TAG_KEYS = ["environment", "env"] as const;
/** Tag keys read as the owner's e-mail, in order of preference. */
export const OWNER_TAG_KEYS = ["owner", "owner-email", "contact"] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** `["env:prod", "HideApp"]` → `{ env: "prod", HideApp: "" }`; keys are kept as written. */
export function tagMap(tags: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of tags) {
    const match = /^([^:=]+)[:=](.*)$/.exec(tag);
    if (match?.[1]) map[match[1].trim()] = (match[2] ?? "").trim();
    else if (tag.trim()) map[tag.trim()] = "";
  }
  return map;
}

function tagValue(tags: Record<string, string>, keys: readonly string[]): { key: string; value: string } | undefined {
  for (const wanted of keys) {
    const key = Object.keys(tags).find((k) => k.toLowerCase() === wanted);
    const value = key === undefined ? undefined : tags[key];
    if (key !== undefined && value) return { key, value };
  }
  return undefined;
}

/** The environment a tag declares, else the one configured for the tenant. */
export function environmentOf(tags: Record<string, string>, configured: string | undefined): string | undefined {
  return tagValue(tags, ENVIRONMENT_TAG_KEYS)?.value ?? configured;
}

/** Owner from an `owner:` tag (provenance `entra.tag:<key>`), else from an e-mail in the notes. */
export function ownerHintFromMetadata(tags: Record<string, string>, notes: string | null | undefined): OwnerHint | undefined {
  const tag = tagValue(tags, OWNER_TAG_KEYS);
  if (tag && EMAIL.test(tag.value)) return { email: tag.value.toLowerCase(), provenance: `entra.tag:${tag.key}` };
  const inNotes = notes ? EMAIL_IN_TEXT.exec(notes)?.[0] : undefined;
  return inNotes ? { email: inNotes.toLowerCase(), provenance: "entra.notes" } : undefined;
}
