import type { Role } from "@/db/schema";

export type NavIcon = "dashboard" | "clients" | "services" | "invoices" | "unpaid" | "staff" | "outbox" | "audit" | "settings" | "profile";
export type NavItem = { href: string; label: string; icon: NavIcon };

/** Each role's sidebar. Every entry must be a page that exists. */
export const navFor: Record<Role, NavItem[]> = {
  admin: [{ href: "/admin", label: "Dashboard", icon: "dashboard" }],
  staff: [{ href: "/staff", label: "Dashboard", icon: "dashboard" }],
  client: [{ href: "/portal", label: "Overview", icon: "dashboard" }],
};

export const areaLabel: Record<Role, string> = { admin: "Admin", staff: "Back office", client: "Client portal" };
