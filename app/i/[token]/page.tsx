import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { LinkUnavailable } from "@/components/invoices/link-unavailable";
import { PublicInvoice } from "@/components/invoices/public-invoice";
import { LinkPayBanner } from "@/components/portal/link-pay-banner";
import { getDb } from "@/db";
import { getInvoiceDocument } from "@/db/queries/invoice-document";
import { getClientForUser } from "@/db/queries/portal";
import { getInvoicePayTarget } from "@/db/queries/portal-invoices";
import { getSettings } from "@/db/queries/settings";
import { can } from "@/lib/auth/permissions";
import { getBusinessToday } from "@/lib/business-time";
import { getCurrentUser } from "@/lib/auth/session";
import { recordLinkView, resolveInvoiceLink } from "@/lib/invoices/links";
import { balanceDue, formatMoney } from "@/lib/money";

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
    const pay = await payOption(data.invoice.id, data.invoice.status === "void" ? 0 : balanceDue(data.invoice.totalMinor, data.invoice.amountPaidMinor));
    body = (
      <>
        {pay && <LinkPayBanner href={pay.href} signedIn={pay.signedIn} balance={formatMoney(pay.balanceMinor, data.invoice.currency, settings.locale)} />}
        <PublicInvoice data={data} expiresAt={link.expiresAt} today={await getBusinessToday()} pdfHref={`/api/invoices/${data.invoice.id}/pdf?token=${encodeURIComponent(token)}&download=1`} />
      </>
    );
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

/**
 * Paying needs the owning client's portal session: the link alone only shows
 * the invoice. The owner signed in gets "Pay now"; a visitor who isn't signed
 * in gets "Sign in to pay" when the client has a portal login. Anyone else
 * (staff, another client) gets nothing extra.
 */
async function payOption(invoiceId: number, balanceMinor: number): Promise<{ href: string; signedIn: boolean; balanceMinor: number } | null> {
  if (balanceMinor <= 0) return null;
  const [target, user] = await Promise.all([getInvoicePayTarget(invoiceId), getCurrentUser()]);
  if (!target) return null;
  const portalHref = `/portal/invoices/${invoiceId}`;
  if (!user) return target.hasLogin ? { href: `/login?callbackUrl=${encodeURIComponent(portalHref)}`, signedIn: false, balanceMinor } : null;
  if (!can(user.role, "portal:use")) return null;
  const client = await getClientForUser(user.id);
  return client?.id === target.clientId ? { href: `${portalHref}#pay`, signedIn: true, balanceMinor } : null;
}
