import type { ReactNode } from "react";
import { EmptyState, PageHeader } from "@/components/ui/card";

/** An area whose data does not exist yet: says what will be here and what to do meanwhile. */
export function ComingArea({ title, description, emptyTitle, children }: { title: string; description: string; emptyTitle: string; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title={emptyTitle}>{children}</EmptyState>
    </>
  );
}
