import { FileText } from "lucide-react";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getBackOfficeTotals, listRecentInvoices } from "@/db/queries/overview";
import { getSettings } from "@/db/queries/settings";
import { formatDate, todayIso } from "@/lib/dates";
import { displayStatus } from "@/lib/invoices/status";
import { formatMoney } from "@/lib/money";
import { StatCard } from "./stat-card";

const count = new Intl.NumberFormat("en-US");

/** The admin and staff home, one component for both areas. Callers check "dashboard:view". */
export async function BackOfficeHome({ userName }: { userName: string }) {
  const today = todayIso();
  const [totals, recent, settings] = await Promise.all([getBackOfficeTotals(today), listRecentInvoices(), getSettings()]);
  const money = (minor: number) => formatMoney(minor, settings.defaultCurrency);
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome back, ${userName.split(" ")[0]}. Here is where ${settings.companyName} stands today.`} />
      <section aria-label="Totals" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Total sales (paid)" value={money(totals.paidMinor)} detail="All succeeded payments" />
        <StatCard label="Outstanding" value={money(totals.outstandingMinor)} detail={`${count.format(totals.openInvoices)} open invoices`} tone="warning" />
        <StatCard label="Overdue" value={money(totals.overdueMinor)} detail={`${count.format(totals.overdueInvoices)} past due`} tone={totals.overdueInvoices ? "destructive" : "default"} />
        <StatCard label="Invoices" value={count.format(totals.invoices)} />
        <StatCard label="Clients" value={count.format(totals.clients)} detail="Not archived" />
        <StatCard label="Services" value={count.format(totals.services)} />
        <StatCard label="Staff users" value={count.format(totals.staff)} detail="Active admins and staff" />
      </section>
      <Card className="mt-6">
        <CardHeader>
          <CardTitle>Recent invoices</CardTitle>
        </CardHeader>
        <CardContent>
          {recent.length === 0 ? (
            <EmptyState icon={<FileText />} title="No invoices yet" description="Invoices you create will show up here." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Number</TableHead>
                  <TableHead>Client</TableHead>
                  <TableHead className="hidden sm:table-cell">Issued</TableHead>
                  <TableHead className="hidden md:table-cell">Due</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Total</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {recent.map((inv) => (
                  <TableRow key={inv.id}>
                    <TableCell className="font-medium">{inv.number ?? "Draft"}</TableCell>
                    <TableCell className="max-w-40 truncate">{inv.clientName}</TableCell>
                    <TableCell className="hidden sm:table-cell">{formatDate(inv.issueDate)}</TableCell>
                    <TableCell className="hidden md:table-cell">{formatDate(inv.dueDate)}</TableCell>
                    <TableCell>
                      <InvoiceStatusBadge status={displayStatus(inv.status, inv.dueDate, today)} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(inv.totalMinor, inv.currency)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
