import type { Metadata } from "next";
import { PortalHome } from "@/components/home/portal-home";
import { requireClientScope } from "@/lib/auth/client-scope";

export const metadata: Metadata = { title: "Overview" };

export default async function PortalPage() {
  const scope = await requireClientScope();
  return <PortalHome clientId={scope.clientId} clientName={scope.clientName} />;
}
