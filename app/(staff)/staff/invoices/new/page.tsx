import type { Metadata } from "next";
import { InvoiceEditorPage } from "@/components/invoices/invoice-editor-page";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New invoice" };

export default async function Page({ searchParams }: { searchParams: Promise<{ client?: string }> }) {
  await requirePagePermission("invoices:write");
  const client = Number((await searchParams).client);
  return <InvoiceEditorPage area="/staff" clientId={Number.isSafeInteger(client) && client > 0 ? client : undefined} />;
}
