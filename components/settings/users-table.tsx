"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

type User = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  disabled: boolean;
  hasPassword: boolean;
  linkedToIdp: boolean;
  lastLoginAt: string | null;
  activeSessions: number;
};
type Result = { ok: true; message?: string } | { ok: false; error: string };

type Props = {
  users: User[];
  currentUserId: string;
  changeRole: (input: unknown) => Promise<Result>;
  setDisabled: (input: unknown) => Promise<Result>;
};

export function UsersTable({ users, currentUserId, changeRole, setDisabled }: Props) {
  const [message, setMessage] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const act = (fn: () => Promise<Result>) => startTransition(async () => setMessage(await fn()));

  return (
    <>
      <div role="status" aria-live="polite" className="mb-2 min-h-5 text-sm">
        {message ? <span className={message.ok ? "text-ok" : "text-danger"}>{message.ok ? message.message : message.error}</span> : null}
      </div>
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="bg-surface-2 text-xs text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">User</th>
              <th className="px-3 py-2 font-medium">Role</th>
              <th className="px-3 py-2 font-medium">Sign-in</th>
              <th className="px-3 py-2 font-medium">Last sign-in</th>
              <th className="px-3 py-2 text-right font-medium">Sessions</th>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2" />
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-t border-border" data-testid={`user-row-${user.email}`}>
                <td className="px-3 py-2">
                  <div className="font-medium">{user.email}</div>
                  {user.name ? <div className="text-xs text-muted">{user.name}</div> : null}
                </td>
                <td className="px-3 py-2">
                  <select
                    aria-label={`Role of ${user.email}`}
                    defaultValue={user.role}
                    disabled={pending}
                    className="h-8 rounded-md border border-border bg-surface px-2"
                    onChange={(event) => act(() => changeRole({ userId: user.id, role: event.target.value }))}
                  >
                    <option value="admin">Admin</option>
                    <option value="analyst">Analyst</option>
                    <option value="owner">Owner</option>
                    <option value="auditor">Auditor</option>
                  </select>
                </td>
                <td className="px-3 py-2 text-muted">{[user.hasPassword && "password", user.linkedToIdp && "SSO"].filter(Boolean).join(", ") || "SSO (not yet linked)"}</td>
                <td className="px-3 py-2 text-muted" title={user.lastLoginAt ?? undefined}>
                  {user.lastLoginAt ? user.lastLoginAt.slice(0, 16).replace("T", " ") : "never"}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{user.activeSessions}</td>
                <td className="px-3 py-2">{user.disabled ? <Badge className="bg-danger/15 text-danger">disabled</Badge> : <Badge>active</Badge>}</td>
                <td className="px-3 py-2 text-right">
                  {user.id === currentUserId ? (
                    <span className="text-xs text-muted">you</span>
                  ) : (
                    <Button
                      size="sm"
                      variant={user.disabled ? "secondary" : "danger"}
                      disabled={pending}
                      onClick={() => act(() => setDisabled({ userId: user.id, disabled: !user.disabled }))}
                    >
                      {user.disabled ? "Enable" : "Disable"}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
