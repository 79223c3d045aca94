import type { Metadata } from "next";
import { ClientDetail } from "@/components/clients/client-detail";
import { requireBackOffice } from "@/lib/auth/session";
import { routeId } from "@/lib/route-id";

export const metadata: Metadata = { title: "Client" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { user, area } = await requireBackOffice("clients:read");
  return <ClientDetail area={area} id={routeId((await params).id)} user={user} />;
}
