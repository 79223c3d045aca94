import { AlarmClock, ClipboardList, CreditCard, FileText, Inbox, LayoutDashboard, Package, Repeat, Settings, ShieldCheck, User, UserPlus, Users } from "lucide-react";
import type { ReactNode } from "react";
import type { NavIcon, NavItem } from "./nav-config";

const icons: Record<NavIcon, typeof Users> = {
  dashboard: LayoutDashboard,
  clients: Users,
  services: Package,
  invoices: FileText,
  unpaid: AlarmClock,
  staff: ShieldCheck,
  outbox: Inbox,
  audit: ClipboardList,
  settings: Settings,
  profile: User,
  invites: UserPlus,
  subscriptions: Repeat,
  payments: CreditCard,
};

export type NavIcons = Partial<Record<NavIcon, ReactNode>>;

/**
 * The navigation's icons, drawn here on the server and handed to the client
 * links as elements: the browser gets SVG markup, not the icon components
 * (about 5 kB gzip of JavaScript on every back-office page).
 */
export function navIcons(items: NavItem[]): NavIcons {
  const drawn: NavIcons = {};
  for (const item of items) {
    const Icon = icons[item.icon];
    drawn[item.icon] = <Icon className="size-4 shrink-0" aria-hidden="true" />;
  }
  return drawn;
}
