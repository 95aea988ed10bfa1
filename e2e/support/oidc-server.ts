import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";

/**
 * A real OpenID Connect provider (oidc-provider 9) with its built-in development login and consent
 * pages: any login name is accepted and becomes the subject; the e-mail is `<login>@e2e.test`.
 */
export type OidcServer = { issuer: string; close: () => Promise<void> };

/**
 * The provider warns, rightly, that it runs on Node 20, keeps state in memory and serves its
 * development login pages: all intended for a throwaway test IdP. Only those warnings are dropped.
 */
const EXPECTED_WARNINGS = [/Unsupported runtime/, /in-memory adapter/, /devInteractions is enabled/];

async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!EXPECTED_WARNINGS.some((pattern) => pattern.test(String(args[0])))) warn(...args);
  };
  try {
    return await fn();
  } finally {
    console.warn = warn;
  }
}

export async function startOidcServer(options: {
  port: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<OidcServer> {
  const Provider = await quietly(async () => (await import("oidc-provider")).default);
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" };

  const provider = await quietly(
    async () =>
      new Provider(options.issuer, {
        clients: [
          {
            client_id: options.clientId,
            client_secret: options.clientSecret,
            redirect_uris: [options.redirectUri],
            grant_types: ["authorization_code"],
            response_types: ["code"],
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        // Put the scope claims into the ID token (next-auth reads the profile from it).
        conformIdTokenClaims: false,
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
        features: { devInteractions: { enabled: true } },
        cookies: { keys: [randomBytes(32).toString("hex")] },
        jwks: { keys: [signingKey] },
        // Explicit lifetimes (seconds), which also keeps the provider from printing a notice for each.
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
        findAccount: (_ctx: unknown, id: string) => ({
          accountId: id,
          claims: () => ({ sub: id, email: `${id}@e2e.test`, email_verified: true, name: `E2E ${id}` }),
        }),
      }),
  );

  const server = http.createServer(provider.callback());
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });

  return {
    issuer: options.issuer,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
