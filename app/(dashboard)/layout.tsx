import { cookies } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getCaller } from "@/lib/auth/session-context";
import { AppNav } from "@/components/shell/app-nav";
import { KeywardMark } from "@/components/shell/keyward-mark";
import { navItemsFor } from "@/components/shell/nav-items";
import { UserMenu } from "@/components/shell/user-menu";
import { setThemeAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const caller = await getCaller();
  if (!caller) redirect("/signin");
  const items = navItemsFor(caller.role);
  const theme = (await cookies()).get("theme")?.value ?? "system";
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-border bg-surface px-3 py-4">
        <Link href="/" className="mb-5 flex items-center gap-2 px-2.5">
          <KeywardMark size={22} />
          <span className="text-base font-semibold">Keyward</span>
        </Link>
        <AppNav items={items} />
        <div className="mt-auto border-t border-border pt-3">
          <UserMenu email={caller.email} role={caller.role} theme={theme} setTheme={setThemeAction} />
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-8 py-6">
        {children}
      </main>
    </div>
  );
}
