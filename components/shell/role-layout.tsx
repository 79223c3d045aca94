import type { Role } from "@/db/schema";
import { homeFor } from "@/lib/auth/permissions";
import { requireRole } from "@/lib/auth/session";
import { AppShell } from "./app-shell";

/** The layout of a role's area: the wrong role is sent to its own home. */
export async function RoleLayout({ role, children }: { role: Role; children: React.ReactNode }) {
  const user = await requireRole(role);
  return (
    <AppShell user={user} home={homeFor[role]}>
      {children}
    </AppShell>
  );
}
