import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { LinkUnavailable } from "@/components/invoices/link-unavailable";
import { PublicInvoice } from "@/components/invoices/public-invoice";
import { LinkPayBanner } from "@/components/portal/link-pay-banner";
import { PayCard } from "@/components/portal/pay-card";
import { getDb } from "@/db";
import { getInvoiceDocument } from "@/db/queries/invoice-document";
import { getClientForUser } from "@/db/queries/portal";
import { getInvoicePayTarget } from "@/db/queries/portal-invoices";
import { getSettings } from "@/db/queries/settings";
import { can } from "@/lib/auth/permissions";
import { getBusinessToday } from "@/lib/business-time";
import { getCurrentUser } from "@/lib/auth/session";
import { recordLinkView, resolveInvoiceLink } from "@/lib/invoices/links";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { amountOwed } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { minimumPartPayment } from "@/lib/payments/minimum";
import { cardProvider } from "@/lib/payments/providers";

// The token is the only credential here: keep it out of referrers and search engines.
export const metadata: Metadata = { title: "Invoice", robots: { index: false, follow: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** The signed public link: one invoice, no sign-in, until the link expires or is revoked. */
export default async function PublicInvoicePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await params;
  const checkout = (await searchParams)?.checkout;
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
    const balanceMinor = amountOwed(data.invoice);
    const pay = await payOption(data.invoice.id, balanceMinor);
    const provider = cardProvider();
    body = (
      <>
        {pay?.kind === "portal" && <LinkPayBanner href={pay.href} signedIn={pay.signedIn} balance={formatMoney(balanceMinor, data.invoice.currency, settings.locale)} />}
        {checkout === "returned" && (
          <p role="status" className="mx-auto mb-6 w-full max-w-6xl rounded-md border bg-background p-3 text-sm">
            Thank you. Your card payment is being confirmed; the balance below updates once the card company confirms it, and we email you a receipt.
          </p>
        )}
        {checkout === "cancelled" && (
          <p role="status" className="mx-auto mb-6 w-full max-w-6xl rounded-md border bg-background p-3 text-sm">
            You left the card payment page, so nothing was charged.
          </p>
        )}
        <PublicInvoice
          data={data}
          expiresAt={link.expiresAt}
          today={await getBusinessToday()}
          pdfHref={`/api/invoices/${data.invoice.id}/pdf?token=${encodeURIComponent(token)}&download=1`}
          pay={
            pay?.kind === "link" ? (
              <PayCard
                invoiceId={data.invoice.id}
                linkToken={token}
                balanceMinor={balanceMinor}
                currency={data.invoice.currency}
                locale={settings.locale}
                minPaymentMinor={minimumPartPayment(settings, data.invoice.currency)}
                defaultMethod="card"
                idempotencyKey={newIdempotencyKey()}
                provider={{ testMode: provider.testMode, testCards: provider.testCards, hosted: provider.hosted }}
                instructions={{ bank: null, cash: null }}
              />
            ) : undefined
          }
        />
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
 * How the holder of the link pays. A client without a portal login pays by
 * card right here (the token is the credential; no session). A client with a
 * login pays from the portal: signed in as that client, "Pay now"; not signed
 * in, "Sign in to pay". Anyone else signed in (staff, another client) gets
 * nothing extra.
 */
async function payOption(invoiceId: number, balanceMinor: number): Promise<{ kind: "portal"; href: string; signedIn: boolean } | { kind: "link" } | null> {
  if (balanceMinor <= 0) return null;
  const [target, user] = await Promise.all([getInvoicePayTarget(invoiceId), getCurrentUser()]);
  if (!target) return null;
  if (!target.hasLogin) return { kind: "link" };
  const portalHref = `/portal/invoices/${invoiceId}`;
  if (!user) return { kind: "portal", href: `/login?callbackUrl=${encodeURIComponent(portalHref)}`, signedIn: false };
  if (!can(user.role, "portal:use")) return null;
  const client = await getClientForUser(user.id);
  return client?.id === target.clientId ? { kind: "portal", href: `${portalHref}#pay`, signedIn: true } : null;
}
