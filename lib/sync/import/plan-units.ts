import "server-only";
import type { AnyConnectorDefinition, StreamDefinition } from "@/connectors/sdk";
import { IMPORT_PAGE_ITEMS, IMPORT_SCOPE } from "@/lib/sync/import/import-scope";
import { ImportError, type ImportOptions } from "@/lib/sync/import/import-types";
import type { ParsedFile } from "@/lib/sync/import/read-import-file";
import type { WorkUnit } from "@/lib/sync/types";

/** What one source receives: its units and the files they came from (for the report). */
export type SourcePlan = {
  provider: string;
  name: string;
  connector: AnyConnectorDefinition;
  files: ParsedFile[];
  units: WorkUnit[];
};

async function* pagesOf(items: readonly unknown[]): AsyncIterable<readonly unknown[]> {
  for (let start = 0; start < items.length; start += IMPORT_PAGE_ITEMS) yield items.slice(start, start + IMPORT_PAGE_ITEMS);
  // An empty batch is still a page: "this file lists none of these", which a sweep may act on.
  if (items.length === 0) yield [];
}

/** The source each provider's records go to; see `ImportOptions.source`. */
export function sourceNameFor(provider: string, option: ImportOptions["source"], providers: readonly string[]): string {
  if (typeof option === "function") return option(provider);
  if (option === undefined) return `${provider}-import`;
  if (providers.length > 1) {
    throw new ImportError(
      "SOURCE_AMBIGUOUS",
      `--source names one source, but the files hold ${providers.join(" and ")} records; import them separately or leave out --source`,
    );
  }
  return option;
}

/**
 * Groups parsed files into one plan per provider. Each (file, stream) becomes one unit whose
 * `origin` is the file, so the runner's errors (page, item) lead back to it. Units follow the
 * connector's stream order (nodes before the credentials and edges that point at them), then
 * the files' order; the runner sweeps a (scope, stream) only after all of its units.
 */
export function planSources(files: readonly ParsedFile[], option: ImportOptions["source"]): SourcePlan[] {
  const byProvider = new Map<string, ParsedFile[]>();
  for (const file of files) {
    if (file.report.status !== "ok" || !file.connector) continue;
    const list = byProvider.get(file.connector.provider) ?? [];
    list.push(file);
    byProvider.set(file.connector.provider, list);
  }
  const providers = [...byProvider.keys()].sort();
  return providers.map((provider) => {
    const providerFiles = byProvider.get(provider)!;
    const connector = providerFiles[0]!.connector!;
    const order = new Map(connector.streams.map((s, i) => [s.name, i]));
    const units = providerFiles
      .flatMap((file) => file.batches.map((batch) => ({ file, batch })))
      .sort((a, b) => (order.get(a.batch.stream) ?? 0) - (order.get(b.batch.stream) ?? 0))
      .map(({ file, batch }) => ({
        scope: IMPORT_SCOPE,
        stream: connector.streams.find((s) => s.name === batch.stream) as StreamDefinition,
        ...(batch.parent ? { parent: batch.parent } : {}),
        pages: pagesOf(batch.items),
        origin: file.report.path,
      }));
    return { provider, name: sourceNameFor(provider, option, providers), connector, files: providerFiles, units };
  });
}
