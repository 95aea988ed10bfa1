import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { assignedMessage, BulkAssignOwnerDialog, checkOwnerFields, type BulkAssignOwner } from "@/components/inventory/bulk-assign-owner-dialog";

/* The bulk "Assign owner" dialog: what it tells the person, and when it can be opened at all. */

const IDS = ["3f1c2b4a-1d2e-4f60-8a9b-0c1d2e3f4a5b", "9a1c2b4a-1d2e-4f60-8a9b-0c1d2e3f4a5b"];
const action: BulkAssignOwner = async () => ({ ok: true, assigned: 2, skippedCredentials: 0, notInDirectory: [] });
const noop = () => {};

function triggerOf(html: string): string {
  const button = html.match(/<button[^>]*aria-haspopup="dialog"[^>]*>/)?.[0];
  if (!button) throw new Error(`no Assign owner button in ${html}`);
  return button;
}

describe("the confirmation", () => {
  it.each([
    [{ assigned: 1, skippedCredentials: 0, notInDirectory: [] }, "Owner set for 1 identity."],
    [{ assigned: 2, skippedCredentials: 0, notInDirectory: [] }, "Owner set for 2 identities."],
    [{ assigned: 2, skippedCredentials: 3, notInDirectory: [] }, "Owner set for 2 identities. 3 credentials have no identity and were skipped."],
    [{ assigned: 1, skippedCredentials: 1, notInDirectory: ["new@example.com"] }, "Owner set for 1 identity. 1 credential has no identity and was skipped. Not in the people directory: new@example.com."],
    [{ assigned: 1200, skippedCredentials: 0, notInDirectory: [] }, "Owner set for 1,200 identities."],
  ])("for %j reads %s", (result, message) => {
    expect(assignedMessage(result)).toBe(message);
  });
});

describe("checks before sending", () => {
  const values = (v: Partial<Record<"ownerEmail" | "backupEmail" | "note", string>>) => ({ ownerEmail: "", backupEmail: "", note: "", ...v });

  it("accepts an owner alone, or with a different backup and a note", () => {
    expect(checkOwnerFields(values({ ownerEmail: "pat@example.com" }))).toEqual({});
    expect(checkOwnerFields(values({ ownerEmail: " Pat@Example.com ", backupEmail: "olga@example.com", note: "INC-42" }))).toEqual({});
  });

  it.each([
    [values({}), { ownerEmail: "Give the owner's e-mail address." }],
    [values({ ownerEmail: "   " }), { ownerEmail: "Give the owner's e-mail address." }],
    [values({ ownerEmail: "pat" }), { ownerEmail: "The owner's e-mail address is not valid." }],
    [values({ ownerEmail: "pat@example.com", backupEmail: "olga@" }), { backupEmail: "The backup owner's e-mail address is not valid." }],
    [values({ ownerEmail: "pat@example.com", backupEmail: "PAT@example.com" }), { backupEmail: "The backup owner must be someone else." }],
    [values({ ownerEmail: "pat@example.com", note: "x".repeat(501) }), { note: "Keep the note under 500 characters." }],
  ])("refuses %j next to its field", (input, errors) => {
    expect(checkOwnerFields(input)).toEqual(errors);
  });
});

describe("the button", () => {
  it("is enabled when rows are selected and the caller may write", () => {
    const html = renderToStaticMarkup(<BulkAssignOwnerDialog kind="identities" selectedIds={IDS} assignOwner={action} onAssigned={noop} />);
    expect(triggerOf(html)).not.toMatch(/ disabled=""/);
    expect(html).toContain("2 identities selected.");
  });

  it("is disabled without a selection, and says so", () => {
    const html = renderToStaticMarkup(<BulkAssignOwnerDialog kind="identities" selectedIds={[]} assignOwner={action} onAssigned={noop} />);
    expect(triggerOf(html)).toMatch(/ disabled=""/);
    expect(html).toContain("Select rows to assign them an owner.");
  });

  it("is disabled for a role that may not write, and says why next to it", () => {
    const html = renderToStaticMarkup(<BulkAssignOwnerDialog kind="credentials" selectedIds={IDS} assignOwner={null} onAssigned={noop} />);
    const button = triggerOf(html);
    expect(button).toMatch(/ disabled=""/);
    const describedBy = button.match(/aria-describedby="([^"]+)"/)?.[1];
    expect(describedBy).toBeTruthy();
    expect(html).toMatch(new RegExp(`id="${describedBy}"[^>]*>Your role cannot assign owners \\(inventory:write\\)\\.<`));
  });

  it("explains on the credentials view that the owner goes to their identities", () => {
    const html = renderToStaticMarkup(<BulkAssignOwnerDialog kind="credentials" selectedIds={IDS} assignOwner={action} onAssigned={noop} />);
    expect(html).toContain("2 credentials selected. The owner is set on the identities they belong to; credentials without an identity are skipped.");
  });
});
