import type { Metadata } from "next";
import { EditServicePage } from "@/components/services/service-form-pages";
import { requireBackOffice } from "@/lib/auth/session";
import { routeId } from "@/lib/route-id";

export const metadata: Metadata = { title: "Edit service" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { area } = await requireBackOffice("services:write");
  return <EditServicePage area={area} id={routeId((await params).id)} />;
}
