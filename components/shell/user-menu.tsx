"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { KeyRound, LogOut, Monitor, Moon, Sun } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";

type Props = { email: string; role: string; theme: string; setTheme: (theme: string) => Promise<void> };

const ITEM = "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-surface-2";

export function UserMenu({ email, role, theme, setTheme }: Props) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="w-full rounded-md px-2.5 py-2 text-left hover:bg-surface-2" aria-label="Account menu">
        <span className="block truncate text-sm font-medium">{email}</span>
        <span className="block text-xs capitalize text-muted">{role}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content side="top" align="start" className="z-50 min-w-52 rounded-md border border-border bg-surface p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted">Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={theme} onValueChange={(value) => void setTheme(value)}>
            <DropdownMenu.RadioItem value="light" className={ITEM}>
              <Sun size={14} aria-hidden="true" /> Light {theme === "light" ? "✓" : ""}
            </DropdownMenu.RadioItem>
            <DropdownMenu.RadioItem value="dark" className={ITEM}>
              <Moon size={14} aria-hidden="true" /> Dark {theme === "dark" ? "✓" : ""}
            </DropdownMenu.RadioItem>
            <DropdownMenu.RadioItem value="system" className={ITEM}>
              <Monitor size={14} aria-hidden="true" /> System {theme === "system" ? "✓" : ""}
            </DropdownMenu.RadioItem>
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item className={ITEM} asChild>
            <Link href="/account">
              <KeyRound size={14} aria-hidden="true" /> Change password
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={ITEM} onSelect={() => void signOut({ callbackUrl: "/signin" })}>
            <LogOut size={14} aria-hidden="true" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
