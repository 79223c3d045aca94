import type { Metadata } from "next";
import { BackOfficeHome } from "@/components/home/back-office-home";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function AdminHome() {
  const user = await requirePagePermission("dashboard:view");
  return <BackOfficeHome userName={user.name} />;
}
