"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { FieldError, Input, Label, Select } from "@/components/ui/input";

type Result = { ok: true; message?: string; password?: string | null } | { ok: false; error: string; field?: string };

export function InviteUserForm({ invite, ssoEnabled }: { invite: (input: unknown) => Promise<Result>; ssoEnabled: boolean }) {
  const { result, pending, fieldError, onSubmit } = useActionForm(invite);

  return (
    <Card className="mb-6 p-4">
      <h2 className="mb-3 font-semibold">Invite a user</h2>
      <form onSubmit={onSubmit} className="grid items-start gap-3 md:grid-cols-[2fr_1.5fr_1fr_1fr_auto]" noValidate>
        <div>
          <Label htmlFor="invite-email">E-mail</Label>
          <Input id="invite-email" name="email" type="email" required aria-invalid={!!fieldError("email")} aria-describedby="invite-email-error" />
          <FieldError id="invite-email-error" message={fieldError("email")} />
        </div>
        <div>
          <Label htmlFor="invite-name">Name (optional)</Label>
          <Input id="invite-name" name="name" />
        </div>
        <div>
          <Label htmlFor="invite-role">Role</Label>
          <Select id="invite-role" name="role" defaultValue="owner">
            <option value="owner">Owner</option>
            <option value="analyst">Analyst</option>
            <option value="auditor">Auditor</option>
            <option value="admin">Admin</option>
          </Select>
        </div>
        <div>
          <Label htmlFor="invite-signin">Signs in with</Label>
          <Select id="invite-signin" name="signIn" defaultValue={ssoEnabled ? "sso" : "password"}>
            <option value="password">One-time password</option>
            <option value="sso" disabled={!ssoEnabled}>
              Single sign-on{ssoEnabled ? "" : " (not configured)"}
            </option>
          </Select>
        </div>
        <Button type="submit" className="md:mt-5" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      <div role="status" aria-live="polite" className="mt-3 text-sm">
        {result?.ok ? (
          <p className="text-ok">
            {result.message}
            {result.password ? (
              <>
                {" "}Their password (shown once, pass it on securely): <code className="select-all rounded bg-surface-2 px-1.5 py-0.5 font-mono text-fg">{result.password}</code>
              </>
            ) : null}
          </p>
        ) : null}
        {result && !result.ok && !result.field ? <p className="text-danger">{result.error}</p> : null}
      </div>
    </Card>
  );
}
