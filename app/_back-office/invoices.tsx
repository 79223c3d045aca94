import type { Metadata } from "next";
import { InvoicesIndex } from "@/components/invoices/invoices-index";
import { can } from "@/lib/auth/permissions";
import { requireBackOffice } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Invoices" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, area } = await requireBackOffice("invoices:read");
  return <InvoicesIndex area={area} searchParams={await searchParams} canBill={can(user.role, "billing:run")} canRemind={can(user.role, "reminders:send")} />;
}
