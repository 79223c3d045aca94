"use client";

import { usePathname } from "next/navigation";
import { Icon } from "@/components/ui/icon";
import type { IconName } from "@/components/ui/icon-sprite";
import { IntentLink } from "@/components/ui/intent-link";
import { cn } from "@/lib/utils";
import type { NavIcon, NavItem } from "./nav-config";

/** Each entry's icon, by lucide's name (drawn from the sprite: components/ui/icon.tsx). */
const iconFor: Record<NavIcon, IconName> = {
  dashboard: "layout-dashboard",
  clients: "users",
  services: "package",
  invoices: "file-text",
  unpaid: "alarm-clock",
  staff: "shield-check",
  outbox: "inbox",
  audit: "clipboard-list",
  settings: "settings",
  profile: "user",
  invites: "user-plus",
  subscriptions: "repeat",
  payments: "credit-card",
};

const isUnder = (path: string, href: string) => path.startsWith(`${href}/`);

/**
 * The one entry to mark: the most specific one the path is at or under, so
 * "/admin" isn't marked on "/admin/clients". An entry other entries live
 * under (the area's home, "/admin") is marked only on its own path: on
 * "/admin/profile", which has no entry of its own, nothing is.
 */
export function activeHref(pathname: string, items: NavItem[]): string | undefined {
  const isHome = (item: NavItem) => items.some((other) => isUnder(other.href, item.href));
  const matches = items.filter((i) => pathname === i.href || (isUnder(pathname, i.href) && !isHome(i)));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/**
 * The area's links, marking the current one. Their icons are <use>s of the
 * sprite, so neither their code nor their paths come with the page. They
 * prefetch on intent like list rows (IntentLink): on sight, every page view
 * sent the server two prefetches per entry.
 */
export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const active = activeHref(usePathname(), items);
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        return (
          <li key={item.href}>
            <IntentLink
              href={item.href}
              onClick={onNavigate}
              aria-current={active === item.href ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                // The current page: tinted, with a bar at its edge, so it shows in the dark theme too (a 10% tint alone didn't).
                active === item.href
                  ? "relative bg-primary/10 text-primary before:absolute before:inset-y-1.5 before:left-0 before:w-1 before:rounded-full before:bg-primary dark:bg-primary/25 dark:text-foreground"
                  : "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
              )}
            >
              <Icon name={iconFor[item.icon]} className="size-4 shrink-0" />
              {item.label}
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}
