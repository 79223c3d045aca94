import type { Metadata } from "next";
import { CardPaymentsIndex } from "@/components/payments/card-payments-index";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Card payments" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("payments:write");
  return <CardPaymentsIndex area="/staff" searchParams={await searchParams} />;
}
