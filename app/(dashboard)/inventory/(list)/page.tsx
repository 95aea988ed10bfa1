import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Boxes, SearchX } from "lucide-react";
import { requirePageCaller } from "@/lib/auth/page-guard";
import { roleCan } from "@/lib/auth/permissions";
import { queryInventory } from "@/lib/inventory/inventory-query";
import { listInventoryFacets } from "@/lib/inventory/inventory-query-facets";
import { AGE_FILTERS, EXPIRY_FILTERS, firstPage, inventoryHref, parseInventoryState, serializeInventoryState, STATUS_FILTERS } from "@/lib/inventory/inventory-url";
import { listSavedViews } from "@/lib/inventory/saved-views";
import { getCatalogue } from "@/lib/policy/catalogue";
import { BulkActionsProvider } from "@/components/inventory/bulk-actions-context";
import { ColumnPicker } from "@/components/inventory/column-picker";
import { InventoryFilters, type FilterSelectProp } from "@/components/inventory/inventory-filters";
import { InventoryPagination } from "@/components/inventory/inventory-pagination";
import { InventoryTable } from "@/components/inventory/inventory-table";
import { KindTabs } from "@/components/inventory/kind-tabs";
import { SavedViews } from "@/components/inventory/saved-views";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { bulkAssignOwnerAction, deleteViewAction, exportSelectionAction, saveViewAction } from "./actions";
import { clearFiltersHref, columnToggles, keptParameters, kindTabs, pageLinks, tableColumns } from "./inventory-links";

export const metadata: Metadata = { title: "Inventory" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The query as it arrived, to compare with its canonical spelling. */
function receivedQuery(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, one);
  }
  return query.toString();
}

const choices = (values: readonly string[], label: (v: string) => string = (v) => v) => values.map((value) => ({ value, label: label(value) }));

const AGE_LABELS: Record<string, string> = { lt90: "< 90 days", "90to180": "90–180 days", "180to365": "180–365 days", gt365: "> 1 year" };
const EXPIRY_LABELS: Record<string, string> = { expired: "Expired", "30d": "Within 30 days", "90d": "Within 90 days", none: "Never expires" };
const STATUS_LABELS: Record<string, string> = { gone: "Gone (retired)", all: "All, including gone" };

export default async function InventoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await requirePageCaller("inventory:read");
  const params = await searchParams;
  const state = parseInventoryState(params);
  const canonical = serializeInventoryState(state);
  // One spelling per view: links, saved views and the browser's history all agree.
  if (receivedQuery(params) !== canonical) redirect(inventoryHref(state));

  const [page, facets, views] = await Promise.all([
    queryInventory(caller, state),
    listInventoryFacets(caller, state.kind),
    caller.userId ? listSavedViews(caller) : Promise.resolve([]),
  ]);
  const filters = state.filters;
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const selects: FilterSelectProp[] = [
    { name: "source", label: "Source", value: filters.source ?? "", options: choices(facets.sources) },
    { name: "type", label: "Type", value: filters.type ?? "", options: choices(facets.types) },
    { name: "env", label: "Environment", value: filters.env ?? "", options: choices(facets.environments, (e) => (e === "none" ? "No environment" : e)) },
    { name: "status", label: "Status", value: filters.status ?? "", options: choices(STATUS_FILTERS, (s) => STATUS_LABELS[s] ?? s) },
    { name: "age", label: state.kind === "credentials" ? "Age (since rotation)" : "Age", value: filters.age ?? "", options: choices(AGE_FILTERS, (a) => AGE_LABELS[a]!) },
    ...(state.kind === "credentials" ? [{ name: "expiry", label: "Expiry", value: filters.expiry ?? "", options: choices(EXPIRY_FILTERS, (e) => EXPIRY_LABELS[e]!) }] : []),
    { name: "findings", label: "Findings", value: filters.findings ?? "", options: [{ value: "open", label: "Has open findings" }, { value: "none", label: "No open findings" }] },
    { name: "rule", label: "Rule", value: filters.rule ?? "", options: getCatalogue().rules.map((r) => ({ value: r.id, label: r.id })) },
  ];
  const viewQuery = serializeInventoryState(firstPage(state));

  return (
    <>
      <PageHeader
        title={caller.role === "owner" ? "My identities" : "Inventory"}
        description={
          caller.role === "owner"
            ? "The service accounts, keys, tokens, certificates and secrets you own, with age, status and findings."
            : "Every service account, key, token, certificate and secret Keyward has discovered, with owner, age and status."
        }
        actions={
          <>
            {caller.userId ? (
              <SavedViews
                views={views.map((v) => ({ id: v.id, name: v.name, href: v.query ? `/inventory?${v.query}` : "/inventory", current: v.query === viewQuery }))}
                query={viewQuery}
                saveView={saveViewAction}
                deleteView={deleteViewAction}
              />
            ) : null}
            <ColumnPicker columns={columnToggles(state)} />
          </>
        }
      />
      <KindTabs tabs={kindTabs(state)} />
      <InventoryFilters key={canonical} search={filters.q ?? ""} selects={selects} owner={filters.owner ?? ""} keep={keptParameters(state)} clearHref={clearFiltersHref(state)} />
      {page.rows.length === 0 ? (
        filtered ? (
          <EmptyState icon={<SearchX size={28} aria-hidden />} title={`No ${state.kind} match these filters`}>
            Loosen a filter or{" "}
            <Link href={clearFiltersHref(state)} className="text-accent underline-offset-2 hover:underline">
              clear them all
            </Link>
            .
          </EmptyState>
        ) : (
          <EmptyState icon={<Boxes size={28} aria-hidden />} title={caller.role === "owner" ? `You own no ${state.kind} yet` : `No ${state.kind} yet`}>
            {caller.role === "owner"
              ? "Records appear here once a source names you as their owner or an analyst assigns them to you."
              : "Identities and credentials appear here after a sync or an import: configure a source, or run `npx keyward import <path>`."}
          </EmptyState>
        )
      ) : (
        <>
          <BulkActionsProvider assignOwner={roleCan(caller.role, "inventory:write") ? bulkAssignOwnerAction : null}>
            <InventoryTable
              kind={state.kind}
              rows={page.rows}
              columns={tableColumns(state)}
              sorting={{ column: state.sort, dir: state.dir }}
              now={page.asOf}
              exportSelection={roleCan(caller.role, "reports:export") ? exportSelectionAction : null}
            />
          </BulkActionsProvider>
          <InventoryPagination shown={page.rows.length} total={page.total} {...pageLinks(state, page)} />
        </>
      )}
    </>
  );
}
