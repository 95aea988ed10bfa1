import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { listUsers } from "@/lib/auth/user-admin";
import { PageHeader } from "@/components/ui/card";
import { InviteUserForm } from "@/components/settings/invite-user-form";
import { UsersTable } from "@/components/settings/users-table";
import { changeUserRoleAction, inviteUserAction, setUserDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const caller = await requirePageCaller("users:manage");
  const users = await listUsers(caller);
  return (
    <>
      <PageHeader title="Users and roles" description="Admins configure; analysts triage and review; owners answer for their identities; auditors read and export." />
      <InviteUserForm invite={inviteUserAction} ssoEnabled={getEnv().oidc !== null} />
      <UsersTable users={users} currentUserId={caller.userId ?? ""} changeRole={changeUserRoleAction} setDisabled={setUserDisabledAction} />
    </>
  );
}
