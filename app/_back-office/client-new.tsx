import type { Metadata } from "next";
import { NewClientPage } from "@/components/clients/client-form-pages";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New client" };

export default async function Page() {
  const { area } = await requireBackOffice("clients:write");
  return <NewClientPage area={area} />;
}
