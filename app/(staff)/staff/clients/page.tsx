import type { Metadata } from "next";
import { ClientsIndex } from "@/components/clients/clients-index";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Clients" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("clients:read");
  return <ClientsIndex area="/staff" searchParams={await searchParams} canImport={can(user.role, "clients:import")} />;
}
