import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { LinkUnavailable } from "@/components/invoices/link-unavailable";
import { PublicInvoice } from "@/components/invoices/public-invoice";
import { getDb } from "@/db";
import { getInvoiceDocument } from "@/db/queries/invoice-document";
import { getSettings } from "@/db/queries/settings";
import { recordLinkView, resolveInvoiceLink } from "@/lib/invoices/links";

// The token is the only credential here: keep it out of referrers and search engines.
export const metadata: Metadata = { title: "Invoice", robots: { index: false, follow: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** The signed public link: one invoice, no sign-in, until the link expires or is revoked. */
export default async function PublicInvoicePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveInvoiceLink(getDb(), token);
  if (!link) notFound();
  const settings = await getSettings();
  let body: React.ReactNode;
  if (link.state !== "valid") {
    body = <LinkUnavailable reason={link.state} companyName={settings.companyName} companyEmail={settings.companyEmail} />;
  } else {
    const data = await getInvoiceDocument(link.invoiceId);
    // A draft never has a link; a row deleted since is simply gone.
    if (!data || data.invoice.status === "draft") notFound();
    await recordLinkView(getDb(), link.linkId);
    body = <PublicInvoice data={data} expiresAt={link.expiresAt} pdfHref={`/api/invoices/${data.invoice.id}/pdf?token=${encodeURIComponent(token)}&download=1`} />;
  }
  return (
    <div className="flex min-h-dvh flex-col bg-muted/40">
      <header className="flex h-16 items-center justify-between border-b bg-background px-4 sm:px-6">
        <span className="font-semibold">{settings.companyName}</span>
        <ThemeToggle />
      </header>
      <main className="flex-1 px-3 py-6 sm:px-6 sm:py-10">{body}</main>
    </div>
  );
}
