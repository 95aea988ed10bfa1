"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PoliciesThresholdForm, type ThresholdFormStart } from "@/components/settings/policies-threshold-form";
import type { PolicyAction, PolicyActionResult, ThresholdView } from "@/components/settings/policies-types";

type Props = {
  ruleId: string;
  thresholds: ThresholdView[];
  environments: string[];
  save: PolicyAction;
  evaluate?: () => Promise<PolicyActionResult>;
};

function defaultText(threshold: ThresholdView): string {
  const { defaults, unit } = threshold;
  return threshold.sameDefault ? `${defaults.prod} ${unit}` : `prod ${defaults.prod} · non-prod ${defaults["non-prod"]} ${unit}`;
}

/**
 * One rule's thresholds: the catalogue default and every override (each a button that opens the
 * editor on it), and the editor itself in a native modal dialog (focus moves in, Escape closes it).
 */
export function PoliciesThresholds({ ruleId, thresholds, environments, save, evaluate }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // A new key remounts the form so it starts from what was clicked, not from the last edit.
  const [opened, setOpened] = useState<{ n: number; start: ThresholdFormStart }>({ n: 0, start: { key: thresholds[0]!.key, kind: "environment", target: "", value: "" } });
  const open = (start: ThresholdFormStart) => {
    setOpened((previous) => ({ n: previous.n + 1, start }));
    dialog.current?.showModal();
  };
  const titleId = `policy-dialog-${ruleId}`;

  return (
    <div className="space-y-2">
      {thresholds.map((threshold) => (
        <div key={threshold.key}>
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-mono text-xs" title={threshold.description}>
              {threshold.key}
            </span>
            <span className="text-xs text-muted">default {defaultText(threshold)}</span>
          </div>
          {threshold.overrides.length ? (
            <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Overrides of ${threshold.key}`}>
              {threshold.overrides.map((override) => (
                <li key={override.target}>
                  <button
                    type="button"
                    onClick={() => open({ key: threshold.key, kind: override.kind, target: override.kind === "criticality" ? override.target.slice("criticality:".length) : override.target, value: String(override.value) })}
                    aria-label={`Edit ${threshold.key} for ${override.label}: ${override.value} ${threshold.unit}`}
                    className="inline-flex items-center gap-1 rounded border border-accent/40 bg-accent/10 px-1.5 py-0.5 text-xs hover:bg-accent/20 focus-visible:outline-2 focus-visible:outline-accent"
                  >
                    <span className="text-muted">{override.label}</span>
                    <span className="font-medium tabular-nums">{override.value}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-0.5 text-xs text-muted">no overrides</p>
          )}
        </div>
      ))}
      <Button type="button" size="sm" variant="secondary" onClick={() => open({ key: thresholds[0]!.key, kind: "environment", target: "", value: "" })} aria-label={`Edit thresholds of ${ruleId}`}>
        Edit
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[34rem] max-w-[95vw] rounded-lg border border-border bg-surface p-0 text-fg backdrop:bg-black/40">
        <div className="flex items-center justify-between border-b border-border px-4 py-3">
          <h2 id={titleId} className="text-sm font-semibold">
            Thresholds of <span className="font-mono">{ruleId}</span>
          </h2>
          <button type="button" onClick={() => dialog.current?.close()} aria-label="Close" className="rounded px-2 text-muted hover:bg-surface-2">
            ×
          </button>
        </div>
        <div className="p-4">
          <p className="mb-3 text-xs text-muted">The most specific value wins: an environment by name, then the record’s criticality, then its environment class, then the catalogue default.</p>
          <PoliciesThresholdForm key={opened.n} ruleId={ruleId} thresholds={thresholds} start={opened.start} environments={environments} save={save} evaluate={evaluate} />
        </div>
      </dialog>
    </div>
  );
}
