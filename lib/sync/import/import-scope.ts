import type { Scope } from "@/connectors/sdk";

/**
 * The one scope of an offline import. A `--complete` import declares the files complete for the
 * whole source, so they form one scope: splitting the same inventory into other files next time
 * must not change what the sweep compares against.
 */
export const IMPORT_SCOPE: Scope = Object.freeze({ id: "import", label: "Imported files" });

/** Items per page handed to the runner: bounds its per-page work without many tiny pages. */
export const IMPORT_PAGE_ITEMS = 5000;
