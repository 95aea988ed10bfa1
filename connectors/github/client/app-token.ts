import { createSign } from "node:crypto";

/*
 * GitHub App authentication without another dependency: the App signs a JWT (RS256, issuer = App
 * id or client id, at most 10 minutes) with its private key, and trades it for an installation
 * token (`POST /app/installations/{id}/access_tokens`, valid one hour). The private key only ever
 * signs; it is not sent, logged or put in an error.
 */

/** GitHub refuses JWTs valid for more than 10 minutes; 9 leaves room for clock drift. */
export const APP_JWT_LIFETIME_S = 9 * 60;
/** Backdated to absorb a server clock slightly behind ours, as GitHub recommends. */
export const APP_JWT_BACKDATE_S = 60;

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function signAppJwt(appId: string | number, privateKeyPem: string, nowMs: number): string {
  const now = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ iat: now - APP_JWT_BACKDATE_S, exp: now + APP_JWT_LIFETIME_S, iss: String(appId) }));
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(privateKeyPem);
  return `${header}.${payload}.${base64url(signature)}`;
}
