import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";

const STATUS_CLASSES: Record<string, string> = {
  active: "bg-ok/15 text-ok",
  revoked: "bg-danger/15 text-danger",
  expired: "bg-danger/15 text-danger",
};

/** Name, kind, status and where it came from; a gone record says so before anything else. */
export function DetailHeader({ kind, name, type, status, environment, sourceName, goneSince }: {
  kind: "identity" | "credential";
  name: string;
  type: string;
  status: string;
  environment: string | null;
  sourceName: string;
  goneSince: string | null;
}) {
  return (
    <header className="mb-6">
      <Link href="/inventory" className="mb-2 inline-flex items-center gap-1 text-xs text-muted hover:text-fg">
        <ChevronLeft size={14} aria-hidden /> Inventory
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="break-all text-xl font-semibold tracking-tight">{name}</h1>
        <Badge>{kind === "identity" ? "Identity" : "Credential"}</Badge>
        <Badge className={STATUS_CLASSES[status]}>{status}</Badge>
      </div>
      <p className="mt-1 text-sm text-muted">
        {type.replaceAll("_", " ")} · {environment ?? "no environment"} · from <span className="text-fg">{sourceName}</span>
      </p>
      {goneSince ? (
        <p role="status" className="mt-3 rounded-md border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
          Gone since <RelativeTime iso={goneSince} />: a complete sync of its source no longer reports it. It comes back if seen again.
        </p>
      ) : null}
    </header>
  );
}
