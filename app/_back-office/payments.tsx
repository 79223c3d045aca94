import type { Metadata } from "next";
import { CardPaymentsIndex } from "@/components/payments/card-payments-index";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Card payments" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { area } = await requireBackOffice("payments:write");
  return <CardPaymentsIndex area={area} searchParams={await searchParams} />;
}
