"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/input";
import { PoliciesEvaluateButton } from "@/components/settings/policies-evaluate-button";
import type { OverrideKind, PolicyAction, PolicyActionResult, ThresholdView } from "@/components/settings/policies-types";

/** Where the form starts: a threshold and a target (an override clicked in the table, or blank). */
export type ThresholdFormStart = { key: string; kind: OverrideKind; target: string; value: string };

const CLASSES = ["prod", "non-prod"] as const;
const CRITICALITY_LEVELS = ["low", "medium", "high", "critical"] as const;
const KIND_LABELS: Record<OverrideKind, string> = { class: "Environment class", environment: "Environment", criticality: "Criticality" };
const FIRST_TARGET: Record<OverrideKind, string> = { class: "prod", environment: "", criticality: "high" };
const FORM_FIELDS = ["key", "targetKind", "target", "value"];

/** The value that applies now to the chosen target, so an admin sees what they are changing. */
function currentValue(threshold: ThresholdView, kind: OverrideKind, target: string): string {
  const name = target.trim().toLowerCase();
  const overrideTarget = kind === "criticality" ? `criticality:${name}` : name;
  const override = threshold.overrides.find((o) => o.kind === kind && o.target === overrideTarget);
  if (kind === "class" && (name === "prod" || name === "non-prod")) {
    const fallback = threshold.defaults[name];
    return override ? `Now ${override.value} ${threshold.unit} (override; default ${fallback}).` : `Now ${fallback} ${threshold.unit} (catalogue default).`;
  }
  if (override) return `Now ${override.value} ${threshold.unit} (override).`;
  if (kind === "criticality") return "No override: records of this criticality get their environment's value.";
  return name ? "No override: the criticality or class value applies." : "";
}

type Props = {
  ruleId: string;
  thresholds: ThresholdView[];
  start: ThresholdFormStart;
  environments: string[];
  save: PolicyAction;
  evaluate?: () => Promise<PolicyActionResult>;
};

export function PoliciesThresholdForm({ ruleId, thresholds, start, environments, save, evaluate }: Props) {
  const id = useId();
  const [key, setKey] = useState(start.key);
  const [kind, setKind] = useState<OverrideKind>(start.kind);
  const [target, setTarget] = useState(start.target);
  const [value, setValue] = useState(start.value);
  const [result, setResult] = useState<PolicyActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const threshold = thresholds.find((t) => t.key === key) ?? thresholds[0]!;
  const fieldError = (field: string) => (result && !result.ok && result.field === field ? result.error : null);
  const generalError = result && !result.ok && !FORM_FIELDS.includes(result.field ?? "") ? result.error : null;
  const hint = currentValue(threshold, kind, target);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The pressed button (Save or Reset to default) travels as `intent`.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = Object.fromEntries(new FormData(event.currentTarget, submitter));
    startTransition(async () => setResult(await save(data)));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="rule" value={ruleId} />
      <div>
        <Label htmlFor={`${id}-key`}>Threshold</Label>
        <Select id={`${id}-key`} name="key" value={key} onChange={(e) => setKey(e.target.value)} aria-describedby={`${id}-key-error ${id}-key-description`}>
          {thresholds.map((t) => (
            <option key={t.key} value={t.key}>
              {t.key}
            </option>
          ))}
        </Select>
        <p id={`${id}-key-description`} className="mt-1 text-xs text-muted">
          {threshold.description}.
        </p>
        <FieldError id={`${id}-key-error`} message={fieldError("key")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor={`${id}-kind`}>Applies to</Label>
          <Select
            id={`${id}-kind`}
            name="targetKind"
            value={kind}
            onChange={(e) => {
              const next = e.target.value as OverrideKind;
              setKind(next);
              setTarget(FIRST_TARGET[next]);
            }}
          >
            {(Object.keys(KIND_LABELS) as OverrideKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          {kind === "environment" ? (
            <>
              <Label htmlFor={`${id}-target`}>Environment name</Label>
              <Input
                id={`${id}-target`}
                name="target"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                list={`${id}-environments`}
                autoComplete="off"
                placeholder="staging"
                aria-invalid={!!fieldError("target")}
                aria-describedby={`${id}-target-error`}
              />
              <datalist id={`${id}-environments`}>
                {environments.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          ) : (
            <>
              <Label htmlFor={`${id}-target`}>{kind === "class" ? "Class" : "Criticality"}</Label>
              <Select id={`${id}-target`} name="target" value={target} onChange={(e) => setTarget(e.target.value)} aria-invalid={!!fieldError("target")} aria-describedby={`${id}-target-error`}>
                {(kind === "class" ? CLASSES : CRITICALITY_LEVELS).map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </Select>
            </>
          )}
          <FieldError id={`${id}-target-error`} message={fieldError("target")} />
        </div>
      </div>
      <div>
        <Label htmlFor={`${id}-value`}>
          Value ({threshold.unit}, {threshold.min}–{threshold.max})
        </Label>
        <Input
          id={`${id}-value`}
          name="value"
          type="number"
          inputMode="numeric"
          step={1}
          min={threshold.min}
          max={threshold.max}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="max-w-40"
          aria-invalid={!!fieldError("value")}
          aria-describedby={`${id}-value-error ${id}-value-hint`}
        />
        <p id={`${id}-value-hint`} className="mt-1 min-h-4 text-xs text-muted">
          {hint}
        </p>
        <FieldError id={`${id}-value-error`} message={fieldError("value")} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" name="intent" value="save" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button type="submit" name="intent" value="reset" variant="secondary" disabled={pending}>
          Reset to default
        </Button>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {result?.ok ? <p className="text-ok">{result.message}</p> : null}
      </div>
      {result?.ok && evaluate ? <PoliciesEvaluateButton evaluate={evaluate} size="sm" /> : null}
      {generalError ? (
        <p role="alert" className="text-sm text-danger">
          {generalError}
        </p>
      ) : null}
    </form>
  );
}
