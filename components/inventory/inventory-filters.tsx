"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";

/** One filter menu: its URL parameter, label, current value ("" = any) and choices. */
export type FilterSelectProp = { name: string; label: string; value: string; options: { value: string; label: string }[] };

type Props = {
  search: string;
  selects: FilterSelectProp[];
  /** `has`, `none`, an e-mail, or "" for any owner. */
  owner: string;
  /** Parameters the form keeps as they are (kind, sort, direction, columns). */
  keep: Record<string, string>;
  clearHref: string;
};

const OWNER_MODES = [
  { value: "", label: "Any" },
  { value: "has", label: "Has an owner" },
  { value: "none", label: "No owner" },
  { value: "email", label: "Owned by…" },
];

/**
 * The filter bar. Applying it navigates to the URL of the filtered view (first page); the server
 * reads, validates and canonicalises that URL, so this form only gathers fields.
 */
export function InventoryFilters({ search, selects, owner, keep, clearHref }: Props) {
  const router = useRouter();
  const isEmail = owner !== "" && owner !== "has" && owner !== "none";
  const [ownerMode, setOwnerMode] = useState(isEmail ? "email" : owner);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams(keep);
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "" && name !== "ownerMode" && name !== "ownerEmail") params.set(name, value.trim());
    }
    const data = new FormData(event.currentTarget);
    const ownerValue = ownerMode === "email" ? String(data.get("ownerEmail") ?? "").trim() : ownerMode;
    if (ownerValue) params.set("owner", ownerValue);
    router.push(`/inventory?${params.toString()}`);
  }

  return (
    <form onSubmit={onSubmit} role="search" aria-label="Filter the inventory" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="w-64">
        <Label htmlFor="inventory-q">Search</Label>
        <div className="relative">
          <Search size={14} aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-muted" />
          <Input id="inventory-q" name="q" type="search" defaultValue={search} placeholder="Name or external id" maxLength={200} className="pl-8" />
        </div>
      </div>
      {selects.map((select) => (
        <div key={select.name} className="w-40">
          <Label htmlFor={`inventory-${select.name}`}>{select.label}</Label>
          <Select id={`inventory-${select.name}`} name={select.name} defaultValue={select.value}>
            <option value="">Any</option>
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <div className="w-40">
        <Label htmlFor="inventory-owner">Owner</Label>
        <Select id="inventory-owner" name="ownerMode" value={ownerMode} onChange={(e) => setOwnerMode(e.target.value)}>
          {OWNER_MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </Select>
      </div>
      {ownerMode === "email" ? (
        <div className="w-56">
          <Label htmlFor="inventory-owner-email">Owner e-mail</Label>
          <Input id="inventory-owner-email" name="ownerEmail" type="email" required defaultValue={isEmail ? owner : ""} placeholder="name@example.com" />
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit">Apply</Button>
        <Button variant="ghost" asChild>
          <Link href={clearHref}>Clear</Link>
        </Button>
      </div>
    </form>
  );
}
