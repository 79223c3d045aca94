import type { Metadata } from "next";
import { Dashboard } from "@/components/dashboard/dashboard";
import { can } from "@/lib/auth/permissions";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, area } = await requireBackOffice("dashboard:view");
  return <Dashboard area={area} userName={user.name} searchParams={await searchParams} canManageStaff={can(user.role, "staff:manage")} />;
}
