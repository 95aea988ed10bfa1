import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { getInstanceKeys } from "@/lib/runtime/instance-keys";
import { closeSession, openSession, resolveOidcUser, SESSION_MAX_AGE_SECONDS, verifyLocalSignIn } from "@/lib/auth/sign-in";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

/** The provider id of the configured identity provider in next-auth URLs (`/api/auth/signin/oidc`). */
export const OIDC_PROVIDER_ID = "oidc";

type OidcClaims = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

let cached: NextAuthOptions | undefined;

/**
 * next-auth configuration, built on first use (not at import, so `next build` needs no keys).
 * The JWT cookie carries only a session id; `getCaller` checks that session on every request.
 */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(input) {
        const parsed = credentialsSchema.safeParse(input);
        if (!parsed.success) return null;
        return verifyLocalSignIn(parsed.data.email, parsed.data.password);
      },
    }),
  ];
  const oidc = env.oidc;
  if (oidc) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: oidc.displayName,
      type: "oauth",
      wellKnown: `${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      profile: (claims: OidcClaims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? claims.preferred_username ?? null }),
    });
  }
  cached = {
    secret: getInstanceKeys().sessionSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !oidc) return true;
        const claims = profile as OidcClaims | undefined;
        if (!claims?.sub) return false;
        const result = await resolveOidcUser(
          { issuer: oidc.issuer, subject: claims.sub, email: claims.email, emailVerified: claims.email_verified, name: claims.name },
          env.OIDC_DEFAULT_ROLE,
        );
        return result.ok ? true : `/signin?error=${result.reason}`;
      },
      async jwt({ token, user, account }) {
        if (account && user) {
          // First call after a successful sign-in: open the server-side session.
          let userId = user.id;
          if (account.provider === OIDC_PROVIDER_ID && oidc) {
            const result = await resolveOidcUser({ issuer: oidc.issuer, subject: account.providerAccountId }, undefined);
            if (!result.ok) throw new Error("OIDC account is not linked");
            userId = result.userId;
          }
          token.sid = await openSession(userId, account.provider === OIDC_PROVIDER_ID ? "oidc" : "password");
          token.sub = userId;
        }
        return token;
      },
      async session({ session, token }) {
        // Only the session id reaches the client session object; roles come from the database.
        return { expires: session.expires, sid: token.sid } as unknown as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await closeSession(token.sid);
      },
    },
  };
  return cached;
}
