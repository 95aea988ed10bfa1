"use client";

import { useState, useTransition, type FormEvent } from "react";

/** What a form's server action answers: success, or a message and the field it is about. */
export type FormResult = { ok: true } | { ok: false; error: string; field?: string };

/**
 * Submits a form's fields to a server action, keeps its last answer, resets the form on success
 * and tells each field its error.
 */
export function useActionForm<R extends FormResult>(action: (input: unknown) => Promise<R>) {
  const [result, setResult] = useState<R | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldError = (field: string) => (result && !result.ok && result.field === field ? result.error : null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    startTransition(async () => {
      const outcome = await action(data);
      setResult(outcome);
      if (outcome.ok) form.reset();
    });
  }

  return { result, pending, fieldError, onSubmit };
}
