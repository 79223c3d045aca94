import type { Metadata } from "next";
import { NewServicePage } from "@/components/services/service-form-pages";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New service" };

export default async function Page() {
  await requirePagePermission("services:write");
  return <NewServicePage area="/admin" />;
}
