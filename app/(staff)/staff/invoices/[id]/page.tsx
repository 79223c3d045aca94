import type { Metadata } from "next";
import { InvoiceDetail } from "@/components/invoices/invoice-detail";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { routeId } from "@/lib/route-id";

export const metadata: Metadata = { title: "Invoice" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("invoices:read");
  const id = routeId((await params).id);
  return <InvoiceDetail area="/staff" invoiceId={id} canWrite={can(user.role, "invoices:write")} canPay={can(user.role, "payments:write")} canOpenOutbox={can(user.role, "outbox:read")} canPauseReminders={can(user.role, "reminders:pause")} />;
}
