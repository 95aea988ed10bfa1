import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCaller } from "@/lib/auth/session-context";
import { PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const caller = await getCaller();
  if (!caller) redirect("/signin");
  return (
    <>
      <PageHeader title="Your account" description={`${caller.email} · ${caller.role}`} />
      <ChangePasswordForm change={changePasswordAction} />
    </>
  );
}
