"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

/** An unexpected failure of a detail page: no stack trace, a way to try again. */
export function DetailError({ retry }: { retry: () => void }) {
  return (
    <EmptyState title="This page could not be loaded">
      <p>Something went wrong while reading the inventory. Nothing was changed.</p>
      <Button className="mt-4" variant="secondary" onClick={retry}>
        Try again
      </Button>
    </EmptyState>
  );
}
