import type { Role } from "@/db/schema";

export type NavIcon = "dashboard" | "clients" | "services" | "invoices" | "unpaid" | "staff" | "outbox" | "audit" | "settings" | "profile" | "invites" | "subscriptions" | "payments";
export type NavItem = { href: string; label: string; icon: NavIcon };

/** Each role's sidebar. Every entry must be a page that exists. */
export const navFor: Record<Role, NavItem[]> = {
  admin: [
    { href: "/admin", label: "Dashboard", icon: "dashboard" },
    { href: "/admin/clients", label: "Clients", icon: "clients" },
    { href: "/admin/invoices", label: "Invoices", icon: "invoices" },
    { href: "/admin/unpaid", label: "Unpaid", icon: "unpaid" },
    { href: "/admin/payments", label: "Card payments", icon: "payments" },
    { href: "/admin/services", label: "Services", icon: "services" },
    { href: "/admin/staff", label: "Staff", icon: "staff" },
    { href: "/admin/invites", label: "Invites", icon: "invites" },
    { href: "/admin/outbox", label: "Outbox", icon: "outbox" },
    { href: "/admin/audit", label: "Audit log", icon: "audit" },
    { href: "/admin/settings", label: "Settings", icon: "settings" },
  ],
  staff: [
    { href: "/staff", label: "Dashboard", icon: "dashboard" },
    { href: "/staff/clients", label: "Clients", icon: "clients" },
    { href: "/staff/invoices", label: "Invoices", icon: "invoices" },
    { href: "/staff/unpaid", label: "Unpaid", icon: "unpaid" },
    { href: "/staff/payments", label: "Card payments", icon: "payments" },
    { href: "/staff/services", label: "Services", icon: "services" },
    { href: "/staff/invites", label: "Invites", icon: "invites" },
  ],
  client: [
    { href: "/portal", label: "Overview", icon: "dashboard" },
    { href: "/portal/invoices", label: "Invoices", icon: "invoices" },
    { href: "/portal/subscriptions", label: "Subscriptions", icon: "subscriptions" },
    { href: "/portal/services", label: "Services", icon: "services" },
    { href: "/portal/profile", label: "Profile", icon: "profile" },
  ],
};

export const areaLabel: Record<Role, string> = { admin: "Admin", staff: "Back office", client: "Client portal" };
