import type { Metadata } from "next";
import { InvoicesIndex } from "@/components/invoices/invoices-index";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Invoices" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("invoices:read");
  return <InvoicesIndex area="/admin" searchParams={await searchParams} canBill={can(user.role, "billing:run")} canRemind={can(user.role, "reminders:send")} />;
}
