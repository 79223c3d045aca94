import type { Metadata } from "next";
import { UnpaidIndex } from "@/components/unpaid/unpaid-index";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Unpaid clients" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("reminders:send");
  return <UnpaidIndex area="/admin" searchParams={await searchParams} />;
}
