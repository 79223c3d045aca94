import type { Metadata } from "next";
import { ClientsIndex } from "@/components/clients/clients-index";
import { can } from "@/lib/auth/permissions";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Clients" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, area } = await requireBackOffice("clients:read");
  return <ClientsIndex area={area} searchParams={await searchParams} canImport={can(user.role, "clients:import")} />;
}
