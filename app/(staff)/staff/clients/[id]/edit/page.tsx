import type { Metadata } from "next";
import { EditClientPage } from "@/components/clients/client-form-pages";
import { requirePagePermission } from "@/lib/auth/session";
import { routeId } from "@/lib/route-id";

export const metadata: Metadata = { title: "Edit client" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("clients:write");
  return <EditClientPage area="/staff" id={routeId((await params).id)} />;
}
