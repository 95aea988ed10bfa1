"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { BulkAssignOwner } from "@/components/inventory/bulk-assign-owner-dialog";

/*
 * The write actions the page grants the caller on the selection (null = not permitted). The page
 * provides them around InventoryTable, which passes on only rows, selection and the export, so a
 * new bulk action needs no change to the table.
 */
type BulkActions = { assignOwner: BulkAssignOwner | null };

const BulkActionsContext = createContext<BulkActions>({ assignOwner: null });

export function BulkActionsProvider({ assignOwner, children }: BulkActions & { children: ReactNode }) {
  return <BulkActionsContext.Provider value={{ assignOwner }}>{children}</BulkActionsContext.Provider>;
}

export function useBulkActions(): BulkActions {
  return useContext(BulkActionsContext);
}
