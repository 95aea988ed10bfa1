"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

type Result = { ok: true; message?: string } | { ok: false; error: string };

type Props = {
  /** Records the held sweep would retire, over all its entries. */
  wouldRetire: number;
  approve: () => Promise<Result>;
  /** After a successful approval: the panel re-reads the run. */
  onApproved: () => void;
};

/**
 * "Approve sweep": a held sweep retires nothing until an admin says so. Two steps, because what it
 * retires (marks gone, reversibly) is exactly the list above and nothing else.
 */
export function ApproveSweepButton({ wouldRetire, approve, onApproved }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const records = `${wouldRetire} record${wouldRetire === 1 ? "" : "s"}`;

  function confirm() {
    startTransition(async () => {
      const outcome = await approve();
      setResult(outcome);
      setConfirming(false);
      if (outcome.ok) onApproved();
    });
  }

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {confirming ? (
        <>
          <span>Mark these {records} gone? They return if a later sync sees them again.</span>
          <Button size="sm" variant="danger" onClick={confirm} disabled={pending}>
            {pending ? "Retiring…" : `Retire ${records}`}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        </>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
          Approve sweep…
        </Button>
      )}
      <span role="status" aria-live="polite">
        {result ? <span className={result.ok ? "text-ok" : "text-danger"}>{result.ok ? result.message : result.error}</span> : null}
      </span>
    </div>
  );
}
