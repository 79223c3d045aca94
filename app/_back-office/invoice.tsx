import type { Metadata } from "next";
import { InvoiceDetail } from "@/components/invoices/invoice-detail";
import { can } from "@/lib/auth/permissions";
import { requireBackOffice } from "@/lib/auth/session";
import { routeId } from "@/lib/route-id";

export const metadata: Metadata = { title: "Invoice" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { user, area } = await requireBackOffice("invoices:read");
  const id = routeId((await params).id);
  return (
    <InvoiceDetail
      area={area}
      invoiceId={id}
      canWrite={can(user.role, "invoices:write")}
      canPay={can(user.role, "payments:write")}
      canOpenOutbox={can(user.role, "outbox:read")}
      canPauseReminders={can(user.role, "reminders:pause")}
    />
  );
}
