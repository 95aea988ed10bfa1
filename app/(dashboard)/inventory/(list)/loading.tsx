/** While the inventory query runs: the page's frame with a placeholder table. */
export default function InventoryLoading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <h1 className="text-xl font-semibold tracking-tight">Inventory</h1>
      <p className="mt-1 mb-6 text-sm text-muted">Loading the inventory…</p>
      <div className="mb-4 h-9 w-full max-w-3xl animate-pulse rounded-md bg-surface-2" />
      <div className="space-y-2 rounded-md border border-border bg-surface p-3">
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="h-6 animate-pulse rounded bg-surface-2" />
        ))}
      </div>
    </div>
  );
}
