"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { MobileNav } from "./mobile-nav";
import type { NavItem } from "./nav-config";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export type ShellProps = { name: string; email: string; area: string; home: string; items: NavItem[]; children: React.ReactNode };

/**
 * The signed-in frame for every role: sidebar on desktop, a sheet on mobile.
 * A client component fed the user's name, the area and its entries: as a
 * server tree, its markup and class lists were a 3.6 KB row of every
 * back-office page's RSC payload; now they come once, with the page's code.
 * Only what the server decides (who, which area, which entries) is data.
 */
export function AppShell({ name, email, area, home, items, children }: ShellProps) {
  return (
    <div className="min-h-dvh bg-muted/30 lg:grid lg:grid-cols-[15rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden border-r bg-background lg:flex lg:flex-col">
        <div className="flex h-16 items-center gap-2 border-b px-5">
          <IntentLink href={home} className="flex items-center gap-2 font-semibold">
            <span className="grid size-7 place-items-center rounded-md bg-primary text-sm font-bold text-primary-foreground" aria-hidden="true">
              C
            </span>
            ClientDesk
          </IntentLink>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto p-3">
          <p className="px-3 pb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">{area}</p>
          <NavLinks items={items} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur sm:px-6">
          <MobileNav items={items} area={area} />
          <IntentLink href={home} className="font-semibold lg:hidden">
            ClientDesk
          </IntentLink>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu name={name} email={email} roleLabel={area} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 p-4 sm:p-6 lg:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
