import type { Metadata } from "next";
import { InvoiceEditorPage } from "@/components/invoices/invoice-editor-page";
import { requireBackOffice } from "@/lib/auth/session";
import { routeId } from "@/lib/route-id";

export const metadata: Metadata = { title: "Edit draft" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { area } = await requireBackOffice("invoices:write");
  const id = routeId((await params).id);
  return <InvoiceEditorPage area={area} invoiceId={id} />;
}
