"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ConnectorTypeDto } from "@/lib/sources/connector-catalogue";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { ConfigFieldsGroup } from "@/components/sources/config-fields-group";
import { PermissionsList } from "@/components/sources/permissions-list";

type Result = { ok: true; id?: string; message?: string } | { ok: false; error: string; field?: string };

/** "Add source": pick a connector, fill the form generated from its config schema, see what it needs. */
export function AddSourceForm({ connectors, create }: { connectors: ConnectorTypeDto[]; create: (input: unknown) => Promise<Result> }) {
  const router = useRouter();
  const [provider, setProvider] = useState(connectors[0]?.provider ?? "");
  const connector = connectors.find((c) => c.provider === provider);
  const { result, pending, fieldError, onSubmit } = useActionForm(create);

  useEffect(() => {
    if (result?.ok && result.id) router.push(`/sources/${result.id}`);
  }, [result, router]);

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <Card className="space-y-5 p-4">
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <Label htmlFor="source-provider">Connector</Label>
            <Select id="source-provider" name="provider" value={provider} onChange={(event) => setProvider(event.target.value)}>
              {connectors.map((c) => (
                <option key={c.provider} value={c.provider}>
                  {c.displayName}
                </option>
              ))}
            </Select>
            <FieldError id="source-provider-error" message={fieldError("provider")} />
          </div>
          <div>
            <Label htmlFor="source-name">Name *</Label>
            <Input id="source-name" name="name" required aria-invalid={!!fieldError("name")} aria-describedby="source-name-error" placeholder="e.g. Production PostgreSQL" />
            <FieldError id="source-name-error" message={fieldError("name")} />
          </div>
          <div>
            <Label htmlFor="source-environment">Environment (optional)</Label>
            <Input id="source-environment" name="environment" aria-describedby="source-environment-error" placeholder="e.g. prod" />
            <FieldError id="source-environment-error" message={fieldError("environment")} />
          </div>
          <div>
            <Label htmlFor="source-schedule">Schedule, cron in UTC (optional)</Label>
            <Input id="source-schedule" name="schedule" className="font-mono" aria-describedby="source-schedule-error" placeholder="0 3 * * *" />
            <FieldError id="source-schedule-error" message={fieldError("schedule")} />
          </div>
        </div>
        <fieldset>
          <legend className="mb-3 text-sm font-semibold">{connector?.displayName ?? "Connector"} settings</legend>
          {/* Keyed by provider: switching connectors starts from an empty form. */}
          {connector ? <ConfigFieldsGroup key={connector.provider} fields={connector.fields} fieldError={fieldError} /> : null}
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending || !connector}>
            {pending ? "Adding…" : "Add source"}
          </Button>
          <div role="status" aria-live="polite" className="text-sm">
            {result && !result.ok && !result.field ? <span className="text-danger">{result.error}</span> : null}
            {result && !result.ok && result.field ? <span className="text-danger">Check the marked field.</span> : null}
          </div>
        </div>
      </Card>
      <Card className="h-fit p-4">
        <h2 className="mb-3 text-sm font-semibold">Permissions it needs</h2>
        {connector ? <PermissionsList connector={connector} /> : null}
        {connector && connector.offlineFormats.length > 0 ? (
          <p className="mt-4 text-xs text-muted">Also imports offline exports: {connector.offlineFormats.join(", ")}.</p>
        ) : null}
      </Card>
    </form>
  );
}
