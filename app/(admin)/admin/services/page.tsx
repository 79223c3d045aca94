import type { Metadata } from "next";
import { ServicesIndex } from "@/components/services/services-index";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Services" };

export default async function Page({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  await requirePagePermission("services:read");
  return <ServicesIndex area="/admin" archived={(await searchParams).archived === "1"} />;
}
