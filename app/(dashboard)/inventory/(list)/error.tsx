"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

/** The inventory could not be read (database down, a timeout): say so, offer a retry, no stack trace. */
export default function InventoryError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <EmptyState title="The inventory could not be loaded">
      <p>Something went wrong while reading the inventory. Try again; if it keeps failing, check that the database is reachable.</p>
      <Button className="mt-4" variant="secondary" onClick={retry}>
        Try again
      </Button>
    </EmptyState>
  );
}
