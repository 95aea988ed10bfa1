import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled card of the detail page; `actions` sit right of the title (e.g. the owner actions). */
export function DetailSection({ id, title, description, actions, children }: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6">
      <div className="mb-2 flex items-end justify-between gap-4">
        <div>
          <h2 id={`${id}-title`} className="text-sm font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-xs text-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      <Card>{children}</Card>
    </section>
  );
}

/** Label / value pairs in a responsive grid. Empty values show as a dash. */
export function FactList({ facts }: { facts: Array<[label: string, value: ReactNode]> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 p-4 text-sm sm:grid-cols-2 xl:grid-cols-3">
      {facts.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs text-muted">{label}</dt>
          <dd className="mt-0.5 break-words">{value ?? <span className="text-muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
