import type { Metadata } from "next";
import { ServiceDetail } from "@/components/services/service-detail";
import { requireBackOffice } from "@/lib/auth/session";
import { routeId } from "@/lib/route-id";

export const metadata: Metadata = { title: "Service" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { user, area } = await requireBackOffice("services:read");
  return <ServiceDetail area={area} id={routeId((await params).id)} user={user} />;
}
