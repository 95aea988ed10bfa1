"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";

type Result = { ok: true; message?: string } | { ok: false; error: string; field?: string };

/** "Test connection": the connector's own probe with the stored settings; says what it could read. */
export function TestConnectionButton({ test }: { test: () => Promise<Result> }) {
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => startTransition(async () => setResult(await test()))}>
        {pending ? "Testing…" : "Test connection"}
      </Button>
      <span role="status" aria-live="polite" className="text-sm">
        {result ? <span className={result.ok ? "text-ok" : "text-danger"}>{result.ok ? result.message : result.error}</span> : null}
      </span>
    </div>
  );
}

/** Deleting removes everything the source discovered: the name must be typed to confirm. */
export function DeleteSourceForm({ name, remove }: { name: string; remove: (input: unknown) => Promise<Result> }) {
  const router = useRouter();
  const { result, pending, fieldError, onSubmit } = useActionForm(async (input: unknown) => {
    const outcome = await remove(input);
    if (outcome.ok) router.push("/sources");
    return outcome;
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <div>
        <Label htmlFor="confirm-name">Type {name} to delete this source and everything it discovered</Label>
        <Input id="confirm-name" name="confirmName" autoComplete="off" className="w-72" aria-describedby="confirm-name-error" />
        <FieldError id="confirm-name-error" message={fieldError("confirmName")} />
      </div>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deleting…" : "Delete source"}
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-danger">
        {result && !result.ok && !result.field ? result.error : null}
      </span>
    </form>
  );
}
