import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InvoiceEditorPage } from "@/components/invoices/invoice-editor-page";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Edit draft" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("invoices:write");
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return <InvoiceEditorPage area="/staff" invoiceId={id} />;
}
