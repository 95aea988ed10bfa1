"use client";

import { ShieldCheck, ShieldX } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

type Verification =
  | { ok: true; checked: number; headHash: string }
  | { ok: false; checked: number; brokenAt: { id: string; occurredAt: string; action: string; reason: string } };

export function VerifyChainButton({ verify }: { verify: () => Promise<Verification> }) {
  const [result, setResult] = useState<Verification | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-3">
      <div role="status" aria-live="polite" className="text-sm">
        {failed ? <span className="text-danger">Could not verify; try again.</span> : null}
        {result?.ok ? (
          <span className="inline-flex items-center gap-1 text-ok">
            <ShieldCheck size={16} aria-hidden="true" /> Chain intact: {result.checked} events verified
          </span>
        ) : null}
        {result && !result.ok ? (
          <span className="inline-flex items-center gap-1 text-danger">
            <ShieldX size={16} aria-hidden="true" /> Chain broken at event #{result.brokenAt.id} ({result.brokenAt.action}): {result.brokenAt.reason}
          </span>
        ) : null}
      </div>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setFailed(false);
            try {
              setResult(await verify());
            } catch {
              setFailed(true);
            }
          })
        }
      >
        {pending ? "Verifying…" : "Verify chain"}
      </Button>
    </div>
  );
}
