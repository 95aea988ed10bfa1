"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

/** An unexpected failure of a Sources page: no stack trace, a way to retry. */
export default function SourcesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState title="The sources could not be loaded">
      <p>Something went wrong on the server; it has been logged.</p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </EmptyState>
  );
}
