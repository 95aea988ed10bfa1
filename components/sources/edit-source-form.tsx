"use client";

import type { ConfigField } from "@/lib/sources/config-fields";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { ConfigFieldsGroup } from "@/components/sources/config-fields-group";

type Result = { ok: true; message?: string } | { ok: false; error: string; field?: string };

type Props = {
  name: string;
  fields: ConfigField[];
  values: Record<string, string>;
  /** Secret fields that have a stored value (shown as "set", never the value). */
  secretsSet: string[];
  save: (input: unknown) => Promise<Result>;
};

/** Edits a source's name and connector settings; secret inputs stay empty and keep the stored value. */
export function EditSourceForm({ name, fields, values, secretsSet, save }: Props) {
  const { result, pending, fieldError, onSubmit } = useActionForm(save);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="max-w-md">
        <Label htmlFor="edit-name">Name *</Label>
        <Input id="edit-name" name="name" defaultValue={name} required aria-describedby="edit-name-error" />
        <FieldError id="edit-name-error" message={fieldError("name")} />
      </div>
      <ConfigFieldsGroup fields={fields} values={values} secretsSet={new Set(secretsSet)} fieldError={fieldError} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <p role="status" aria-live="polite" className="text-sm">
          {result?.ok ? <span className="text-ok">{result.message}</span> : null}
          {result && !result.ok && !result.field ? <span className="text-danger">{result.error}</span> : null}
        </p>
      </div>
    </form>
  );
}
