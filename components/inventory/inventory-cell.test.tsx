import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InventoryCell } from "@/components/inventory/inventory-cell";
import type { InventoryRow } from "@/components/inventory/inventory-types";

/*
 * Names, ids and e-mails come from sources and may hold markup: they must reach the page as text.
 * React escapes text; this proves the cells only ever use text, and that no inventory component
 * opts out of escaping.
 */
const PAYLOAD = `<img src=x onerror="alert(1)">`;
const row: InventoryRow = {
  id: "3f1c2b4a-1d2e-4f60-8a9b-0c1d2e3f4a5b", name: PAYLOAD, type: `<b>type</b>`, externalId: PAYLOAD, sourceProvider: "<i>aws</i>", sourceName: PAYLOAD,
  environment: "<script>alert(2)</script>", status: "<u>active</u>", owner: { email: `"><svg onload=alert(3)>`, kind: "source" }, createdAt: null,
  openFindings: 1, identity: { id: "9a1c2b4a-1d2e-4f60-8a9b-0c1d2e3f4a5b", name: PAYLOAD }, rotatedAt: null, lastUsedAt: null, expiresAt: null,
  lastActivityAt: null, credentials: 0,
};
const COLUMNS = ["name", "type", "source", "identity", "environment", "status", "owner"];

describe("inventory cells", () => {
  it.each(COLUMNS)("render %s as escaped text", (column) => {
    const html = renderToStaticMarkup(<InventoryCell column={column} row={row} kind="credentials" now={new Date()} />);
    expect(html).not.toMatch(/<(img|script|svg|b|i|u)[\s>]/);
    expect(html).toMatch(/&lt;/);
  });

  it("link to the detail pages by id, not by name", () => {
    const html = renderToStaticMarkup(<InventoryCell column="name" row={row} kind="credentials" now={new Date()} />);
    expect(html).toContain(`href="/inventory/credentials/${row.id}"`);
  });

  it("no inventory component sets inner HTML", () => {
    for (const file of fs.readdirSync(import.meta.dirname)) {
      if (file.endsWith(".test.tsx")) continue;
      expect(fs.readFileSync(path.join(import.meta.dirname, file), "utf8"), file).not.toContain("dangerouslySetInnerHTML");
    }
  });
});
