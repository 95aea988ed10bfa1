import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getCaller, type Caller } from "@/lib/auth/session-context";
import { roleCan, type Permission } from "@/lib/auth/permissions";

/** For pages: the caller with `permission`, else a redirect to sign in or a 403 page. */
export async function requirePageCaller(permission: Permission): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect("/signin");
  if (!roleCan(caller.role, permission)) forbidden();
  return caller;
}
