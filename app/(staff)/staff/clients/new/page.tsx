import type { Metadata } from "next";
import { NewClientPage } from "@/components/clients/client-form-pages";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New client" };

export default async function Page() {
  await requirePagePermission("clients:write");
  return <NewClientPage area="/staff" />;
}
