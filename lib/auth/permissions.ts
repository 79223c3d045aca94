import type { Role } from "@/db/schema";

/**
 * The one map of who may do what. Every server action, route handler and page
 * checks a permission from here on the server; the UI only mirrors it.
 */
export const permissions = {
  "dashboard:view": ["admin", "staff"],
  "clients:read": ["admin", "staff"],
  "clients:write": ["admin", "staff"],
  "clients:archive": ["admin"],
  "clients:delete": ["admin"],
  "clients:import": ["admin"],
  "services:read": ["admin", "staff"],
  "services:write": ["admin", "staff"],
  "services:archive": ["admin"],
  "services:delete": ["admin"],
  "invoices:read": ["admin", "staff"],
  "invoices:write": ["admin", "staff"],
  "payments:write": ["admin", "staff"],
  "reminders:send": ["admin", "staff"],
  // The automatic reminder schedule: admins edit it (it writes to every client);
  // staff and admins pause or resume a client or an invoice, and may run it now.
  "reminders:schedule": ["admin"],
  "reminders:pause": ["admin", "staff"],
  "reminders:run": ["admin", "staff"],
  "billing:run": ["admin", "staff"],
  "staff:manage": ["admin"],
  "invites:request": ["admin", "staff"],
  "invites:decide": ["admin"],
  "settings:manage": ["admin"],
  "audit:read": ["admin"],
  "outbox:read": ["admin"],
  "outbox:retry": ["admin"],
  "portal:use": ["client"],
  "profile:self": ["admin", "staff", "client"],
  // One's own second factors (app, passkeys, recovery codes). Kept apart from
  // profile:self because it is all a back-office user may use until they have
  // set one up, when the policy asks for it (lib/auth/second-factor-policy.ts).
  "security:self": ["admin", "staff", "client"],
  // Removing another person's second factors (a lost phone).
  "users:reset_second_factor": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (permissions[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export const homeFor: Record<Role, string> = { admin: "/admin", staff: "/staff", client: "/portal" };
