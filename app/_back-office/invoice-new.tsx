import type { Metadata } from "next";
import { InvoiceEditorPage } from "@/components/invoices/invoice-editor-page";
import { requireBackOffice } from "@/lib/auth/session";
import { readWholeNumber } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "New invoice" };

export default async function Page({ searchParams }: { searchParams: Promise<{ client?: string | string[] }> }) {
  const { area } = await requireBackOffice("invoices:write");
  // ?client=7 from a client's page; anything but digits is ignored, not read as a number.
  const client = readWholeNumber((await searchParams).client);
  return <InvoiceEditorPage area={area} clientId={client || undefined} />;
}
