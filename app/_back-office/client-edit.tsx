import type { Metadata } from "next";
import { EditClientPage } from "@/components/clients/client-form-pages";
import { requireBackOffice } from "@/lib/auth/session";
import { routeId } from "@/lib/route-id";

export const metadata: Metadata = { title: "Edit client" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { area } = await requireBackOffice("clients:write");
  return <EditClientPage area={area} id={routeId((await params).id)} />;
}
