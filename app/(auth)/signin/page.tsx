import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { getCaller } from "@/lib/auth/session-context";
import { OIDC_PROVIDER_ID } from "@/lib/auth/auth-options";
import { SignInForm } from "@/components/auth/sign-in-form";
import { KeywardMark } from "@/components/shell/keyward-mark";

export const metadata: Metadata = { title: "Sign in" };

const searchSchema = z.object({
  callbackUrl: z.string().optional().catch(undefined),
  error: z.string().max(64).optional().catch(undefined),
});

/** Messages for next-auth's error codes and ours, in words a user can act on. */
const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong e-mail or password, or the account is disabled.",
  not_invited: "Your identity provider account is not invited to Keyward. Ask an admin to invite your e-mail address.",
  disabled: "This account is disabled. Ask an admin to enable it.",
  email_unverified: "Your identity provider has not verified your e-mail address.",
  no_email: "Your identity provider did not send an e-mail address.",
  AccessDenied: "Sign-in was refused.",
  OAuthSignin: "Could not reach the identity provider.",
  OAuthCallback: "The identity provider's answer could not be verified.",
  SessionRequired: "Sign in to continue.",
};

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.parse(await searchParams);
  const callbackUrl = safeCallback(search.callbackUrl);
  if (await getCaller()) redirect(callbackUrl);
  const oidc = getEnv().oidc;
  const error = search.error ? (ERRORS[search.error] ?? "Sign-in failed. Try again.") : null;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <KeywardMark />
          <span className="text-lg font-semibold">Keyward</span>
        </div>
        <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
        <p className="mb-6 text-muted">Inventory and governance of non-human identities.</p>
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={error}
          sso={oidc ? { providerId: OIDC_PROVIDER_ID, label: oidc.displayName } : null}
        />
      </div>
    </main>
  );
}
