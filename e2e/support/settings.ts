/**
 * Fixed facts of the end-to-end environment, shared by playwright.config.ts, the global setup and
 * the specs. Ports are fixed (3100–3199; 3000 belongs to a developer's own instance) so the base URL
 * is known when the config loads; KEYWARD_E2E_APP_PORT / KEYWARD_E2E_OIDC_PORT move them.
 */

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 3100 || port > 3199) {
    throw new Error(`${name}: must be a port between 3100 and 3199 (got ${raw})`);
  }
  return port;
}

export const APP_PORT = portFromEnv("KEYWARD_E2E_APP_PORT", 3100);
export const OIDC_PORT = portFromEnv("KEYWARD_E2E_OIDC_PORT", 3101);
if (APP_PORT === OIDC_PORT) throw new Error("KEYWARD_E2E_APP_PORT and KEYWARD_E2E_OIDC_PORT must differ");

/** 127.0.0.1 everywhere: oidc-provider refuses `localhost` in web redirect URIs, and cookies must match. */
export const BASE_URL = `http://127.0.0.1:${APP_PORT}`;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "keyward-e2e";
export const OIDC_CLIENT_SECRET = "keyward-e2e-client-secret-not-for-production";
export const OIDC_DISPLAY_NAME = "Test IdP";

/** The password of every seeded local user. */
export const PASSWORD = "e2e-Correct-Horse-Battery-42";

export const USERS = {
  admin: "admin@e2e.test",
  analyst: "analyst@e2e.test",
  owner: "owner@e2e.test",
  auditor: "auditor@e2e.test",
} as const;

/** Invited without a password: signs in only through the test identity provider. */
export const SSO_USER = "sso-user@e2e.test";

/** Set by the global setup for the specs (workers inherit them) and anything else that wants them. */
export const ENV_DATABASE_URL = "KEYWARD_E2E_DATABASE_URL";
export const ENV_BASE_URL = "KEYWARD_E2E_BASE_URL";
export const ENV_PASSWORD = "KEYWARD_E2E_PASSWORD";
