import type { Metadata } from "next";
import { ServicesIndex } from "@/components/services/services-index";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Services" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { area } = await requireBackOffice("services:read");
  return <ServicesIndex area={area} searchParams={await searchParams} />;
}
