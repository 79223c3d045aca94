import type { Metadata } from "next";
import { Dashboard } from "@/components/dashboard/dashboard";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function StaffHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("dashboard:view");
  return <Dashboard area="/staff" userName={user.name} searchParams={await searchParams} canManageStaff={can(user.role, "staff:manage")} />;
}
