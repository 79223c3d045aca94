import { StatCard } from "@/components/home/stat-card";
import { Skeleton } from "@/components/ui/skeleton";
import { getHeadcounts, getNewClientCount, getPeriodTotals, getReceivablesAging, receivablesTotals } from "@/db/queries/dashboard";
import { formatDate } from "@/lib/dates";
import { clientsHref, invoicesHref, OPEN_DISPLAY_STATUSES } from "@/lib/dashboard/links";
import { formatMoney } from "@/lib/money";
import type { DashboardContext } from "./context";
import { plural } from "@/lib/plural";

const count = new Intl.NumberFormat("en-US");

/** Sales, what is owed, what is overdue and how many invoices: the money at a glance. */
export async function MoneyTotals({ ctx }: { ctx: DashboardContext }) {
  const { area, currency, locale, range, today } = ctx;
  const [period, aging] = await Promise.all([getPeriodTotals(currency, range, today), getReceivablesAging(currency, today)]);
  const open = receivablesTotals(aging);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const issued = { issuedFrom: range.from, issuedTo: range.to };
  const span = `${formatDate(range.from)} – ${formatDate(range.to)}`;
  return (
    <>
      <StatCard
        label="Total sales (paid)"
        value={money(period.paidMinor)}
        detail={period.invoicedMinor > 0 ? `Paid on ${money(period.invoicedMinor)} invoiced, ${span}` : `Nothing invoiced ${span}`}
        href={invoicesHref(area, currency, issued)}
      />
      <StatCard
        label="Outstanding"
        value={money(open.outstandingMinor)}
        detail={open.openInvoices > 0 ? `${plural(open.openInvoices, "unpaid invoice", "unpaid invoices")}, today` : "Nothing owed today"}
        tone={open.outstandingMinor > 0 ? "warning" : "default"}
        href={invoicesHref(area, currency, { status: OPEN_DISPLAY_STATUSES })}
      />
      <StatCard
        label="Overdue"
        value={money(open.overdueMinor)}
        detail={open.overdueInvoices > 0 ? `${plural(open.overdueInvoices, "invoice", "invoices")} past due, today` : "Nothing past due today"}
        tone={open.overdueInvoices > 0 ? "destructive" : "default"}
        href={invoicesHref(area, currency, { status: ["overdue"] })}
      />
      <StatCard label="Invoices" value={count.format(period.invoices)} detail={`Issued ${span}, drafts included`} href={invoicesHref(area, currency, issued)} />
    </>
  );
}

/** Clients, staff and services: the size of the business. */
export async function Headcounts({ ctx }: { ctx: DashboardContext }) {
  const { area, range } = ctx;
  const [heads, newClients] = await Promise.all([getHeadcounts(), getNewClientCount(range)]);
  return (
    <>
      <StatCard label="Clients" value={count.format(heads.clients)} detail={`${count.format(newClients)} new in this period`} href={clientsHref(area)} />
      <StatCard label="Staff users" value={count.format(heads.staff)} detail="Active admins and staff" href={ctx.canManageStaff ? "/admin/staff" : undefined} />
      <StatCard label="Services" value={count.format(heads.services)} detail="On offer or paused, not archived" href={`${area}/services`} />
    </>
  );
}

export function TotalsSkeleton({ cards }: { cards: number }) {
  return (
    <>
      {Array.from({ length: cards }, (_, i) => (
        <Skeleton key={i} className="h-[7.25rem]" />
      ))}
    </>
  );
}
