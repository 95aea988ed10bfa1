import type { OwnershipFormResult } from "@/components/ownership/action-result";

/**
 * The outcome of a form, announced politely: the success message, or an error that no field of
 * the form shows itself (`fieldNames` lists those that do).
 */
export function FormStatus({ result, fieldNames }: { result: OwnershipFormResult | null; fieldNames: readonly string[] }) {
  const unplaced = result && !result.ok && !fieldNames.includes(result.field ?? "");
  return (
    <div role="status" aria-live="polite" className="text-sm">
      {result?.ok ? <p className="text-ok">{result.message}</p> : null}
      {unplaced ? <p className="text-danger">{result.error}</p> : null}
    </div>
  );
}
