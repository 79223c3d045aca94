import type { Metadata } from "next";
import { UnpaidIndex } from "@/components/unpaid/unpaid-index";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Unpaid clients" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { area } = await requireBackOffice("reminders:send");
  return <UnpaidIndex area={area} searchParams={await searchParams} />;
}
