import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import type { InvoiceHistoryRow } from "@/db/queries/invoices";
import { RelativeTime } from "@/components/time/viewer-time";
import { formatMoney } from "@/lib/money";
import { methodLabel } from "@/lib/payments/labels";
import { describeOffset } from "@/lib/reminders/steps";
import type { PaymentMethod } from "@/db/schema";

type Data = Record<string, unknown> | null;
const str = (v: unknown) => (typeof v === "string" ? v : "");
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** One audit entry in words: what happened to the invoice or one of its payments. */
function describe(row: InvoiceHistoryRow, currency: string, locale: string): string {
  const after = row.after as Data;
  const money = (v: unknown) => (typeof v === "number" ? formatMoney(v, currency, locale) : "");
  const method = (v: unknown) => methodLabel[v as PaymentMethod] ?? "";
  switch (row.action) {
    case "invoice.create":
      return "Created the draft";
    case "invoice.update":
      return "Edited the draft";
    case "invoice.duplicate":
      return `Created as a copy of ${str(after?.sourceNumber) || `invoice #${String(after?.sourceId ?? "")}`}`;
    case "invoice.issue":
      return `Issued as ${str(after?.number)}`;
    case "invoice.email": {
      const parts = [`Emailed to ${list(after?.to).join(", ")}`];
      if (list(after?.cc).length) parts.push(`CC ${list(after?.cc).join(", ")}`);
      if (list(after?.bcc).length) parts.push(`BCC ${list(after?.bcc).join(", ")}`);
      return parts.join(" · ");
    }
    case "invoice.remind": {
      const channels = list(after?.channels).join(" and ") || "email";
      const step = after?.step as { offsetDays?: unknown; tone?: unknown } | undefined;
      return after?.automatic && step ? `Sent a scheduled ${str(step.tone)} reminder (${channels}), ${describeOffset(Number(step.offsetDays))}` : `Sent a payment reminder (${channels})`;
    }
    case "invoice.reminders_pause":
      return `Paused automatic reminders: ${str(after?.reason)}`;
    case "invoice.reminders_resume":
      return "Resumed automatic reminders";
    case "invoice.void":
      return `Voided: ${str(after?.reason)}`;
    case "invoice.link_revoke":
      return "Revoked the private links";
    case "invoice.link_reissue":
      return "Made a new private link";
    case "payment.record":
      return `Recorded a ${method(after?.method).toLowerCase()} payment of ${money(after?.amountMinor)}`;
    case "payment.declare":
      return `A ${method(after?.method).toLowerCase()} payment of ${money(after?.amountMinor)} was declared, waiting for confirmation`;
    case "payment.confirm":
      return `Confirmed a payment of ${money(after?.amountMinor)}`;
    case "payment.reject":
      return `Rejected a pending payment: ${str(after?.reason)}`;
    case "payment.refund":
      return `Refunded ${money(after?.amountMinor)}${str(after?.reason) ? `: ${str(after?.reason)}` : ""}`;
    default:
      return row.action;
  }
}

/** The invoice's audit history, newest first, in plain words. */
export function InvoiceHistory({ rows, currency, locale }: { rows: InvoiceHistoryRow[]; currency: string; locale: string }) {
  if (rows.length === 0) return <EmptyState icon={<Icon name="rotate-ccw-clock" />} title="No history yet" description="Issuing, emailing and payments are recorded here." className="py-6 sm:py-8" />;
  return (
    <ol className="relative grid gap-4 border-l pl-4">
      {rows.map((row) => (
        <li key={row.id} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.3rem] top-1.5 size-2 rounded-full bg-primary/60" />
          <p className="text-sm [overflow-wrap:anywhere]">{describe(row, currency, locale)}</p>
          <p className="text-xs text-muted-foreground">
            {row.actorName ?? (row.actorRole === "system" ? "Automatic" : row.actorRole === "client" ? "The client" : "Someone")} · <RelativeTime value={row.at} />
          </p>
        </li>
      ))}
    </ol>
  );
}
