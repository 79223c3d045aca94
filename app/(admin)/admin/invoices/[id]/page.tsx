import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvoiceDetail } from "@/components/invoices/invoice-detail";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Invoice" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("invoices:read");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return <InvoiceDetail area="/admin" invoiceId={id} canWrite={can(user.role, "invoices:write")} canPay={can(user.role, "payments:write")} canOpenOutbox={can(user.role, "outbox:read")} />;
}
