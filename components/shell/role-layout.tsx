import type { Role } from "@/db/schema";
import { homeFor } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/session";
import { AppShell } from "./app-shell";
import { areaLabel, navFor } from "./nav-config";

/** The layout of a role's area: the wrong role is sent to its own home. */
export async function RoleLayout({ role, children }: { role: Role; children: React.ReactNode }) {
  const user = await requireRole(role);
  return (
    // Only these fields reach the browser (the shell is a client component), not the whole user row.
    <AppShell name={user.name} email={user.email} area={areaLabel[role]} home={homeFor[role]} items={navFor[role]}>
      {children}
    </AppShell>
  );
}
