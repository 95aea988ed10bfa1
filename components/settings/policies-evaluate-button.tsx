"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { PolicyActionResult } from "@/components/settings/policies-types";

/** Runs the policy evaluation now, so a changed threshold shows in the findings at once. */
export function PoliciesEvaluateButton({ evaluate, size = "md" }: { evaluate: () => Promise<PolicyActionResult>; size?: "sm" | "md" }) {
  const [result, setResult] = useState<PolicyActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" size={size} disabled={pending} onClick={() => startTransition(async () => setResult(await evaluate()))}>
        {pending ? "Evaluating…" : "Evaluate now"}
      </Button>
      <span role="status" aria-live="polite" className="text-sm">
        {result ? <span className={result.ok ? "text-ok" : "text-danger"}>{result.ok ? result.message : result.error}</span> : null}
      </span>
    </span>
  );
}
