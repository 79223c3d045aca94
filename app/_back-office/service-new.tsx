import type { Metadata } from "next";
import { NewServicePage } from "@/components/services/service-form-pages";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New service" };

export default async function Page() {
  const { area } = await requireBackOffice("services:write");
  return <NewServicePage area={area} />;
}
