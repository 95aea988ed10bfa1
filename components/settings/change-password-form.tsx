"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";
import { FieldError, Input, Label } from "@/components/ui/input";

type Result = { ok: true; message: string } | { ok: false; error: string; field?: string };

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password (at least 12 characters)", autoComplete: "new-password" },
  { name: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

export function ChangePasswordForm({ change }: { change: (input: unknown) => Promise<Result> }) {
  const { result, pending, fieldError, onSubmit } = useActionForm(change);

  return (
    <Card className="max-w-md p-4">
      <h2 className="mb-3 font-semibold">Change password</h2>
      <form onSubmit={onSubmit} className="space-y-3" noValidate>
        {FIELDS.map((field) => (
          <div key={field.name}>
            <Label htmlFor={field.name}>{field.label}</Label>
            <Input
              id={field.name}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              aria-invalid={!!fieldError(field.name)}
              aria-describedby={`${field.name}-error`}
            />
            <FieldError id={`${field.name}-error`} message={fieldError(field.name)} />
          </div>
        ))}
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Change password"}
        </Button>
      </form>
      <div role="status" aria-live="polite" className="mt-3 text-sm">
        {result?.ok ? <p className="text-ok">{result.message}</p> : null}
        {result && !result.ok && !result.field ? <p className="text-danger">{result.error}</p> : null}
      </div>
    </Card>
  );
}
