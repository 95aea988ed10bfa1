import { FactList } from "@/components/detail/detail-section";
import { When } from "@/components/detail/dates";

export type SyncFactsView = {
  source: { name: string; provider: string; generation: string; lastCompleteSyncAt: string | null };
  scope: string;
  externalType: string;
  externalId: string;
  firstSeenAt: string;
  lastChangedAt: string;
  lastSeenGeneration: string;
  goneSince: string | null;
};

/** How Keyward knows the node: source, natural key and the sync lifecycle's dates. */
export function SyncFacts({ sync }: { sync: SyncFactsView }) {
  return (
    <FactList
      facts={[
        ["Source", `${sync.source.name} (${sync.source.provider})`],
        ["Scope", sync.scope],
        ["External id", <span key="id" className="break-all font-mono text-xs">{sync.externalType} · {sync.externalId}</span>],
        ["First seen", <When key="first" iso={sync.firstSeenAt} />],
        ["Last changed", <When key="changed" iso={sync.lastChangedAt} />],
        ["Last written by generation", `${sync.lastSeenGeneration} of ${sync.source.generation}`],
        ["Last complete sync of the source", sync.source.lastCompleteSyncAt ? <When key="sync" iso={sync.source.lastCompleteSyncAt} /> : "none yet"],
        ["Gone since", sync.goneSince ? <When key="gone" iso={sync.goneSince} /> : "present"],
      ]}
    />
  );
}
