import { FileText, Package } from "lucide-react";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getClientOverview } from "@/db/queries/portal";
import { getSettings } from "@/db/queries/settings";
import { formatDate, todayIso } from "@/lib/dates";
import { displayStatus } from "@/lib/invoices/status";
import { balanceDue, formatMoney } from "@/lib/money";
import { StatCard } from "./stat-card";

const intervalLabel = { one_time: "one-time", monthly: "per month", quarterly: "per quarter", yearly: "per year" } as const;

/** The client's own overview. The client id comes from the session scope. */
export async function PortalHome({ clientId, clientName }: { clientId: number; clientName: string }) {
  const today = todayIso();
  const [overview, settings] = await Promise.all([getClientOverview(clientId), getSettings()]);
  const currency = overview.currency ?? settings.defaultCurrency;
  return (
    <>
      <PageHeader title={`Hello, ${clientName.split(" ")[0]}`} description={`Your account with ${settings.companyName}.`} />
      <section aria-label="Summary" className="grid gap-4 sm:grid-cols-3">
        <StatCard label="Outstanding balance" value={formatMoney(overview.outstandingMinor, currency)} tone={overview.outstandingMinor > 0 ? "warning" : "default"} />
        <StatCard
          label="Next due date"
          value={overview.nextDueDate ? formatDate(overview.nextDueDate) : "Nothing due"}
          tone={overview.nextDueDate && overview.nextDueDate < today ? "destructive" : "default"}
          detail={overview.nextDueDate && overview.nextDueDate < today ? "Past due" : undefined}
        />
        <StatCard label="Active services" value={String(overview.activeServices.filter((s) => s.status === "active").length)} />
      </section>
      <div className="mt-6 grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Your services</CardTitle>
          </CardHeader>
          <CardContent>
            {overview.activeServices.length === 0 ? (
              <EmptyState icon={<Package />} title="No services yet" description="Services you subscribe to will show up here." />
            ) : (
              <ul className="divide-y">
                {overview.activeServices.map((s) => (
                  <li key={s.id} className="flex items-center justify-between gap-3 py-3">
                    <div className="min-w-0">
                      <p className="truncate font-medium">{s.name}</p>
                      <p className="text-sm text-muted-foreground">
                        {formatMoney(s.priceMinor, s.currency)} {intervalLabel[s.interval]}
                        {s.interval !== "one_time" && ` · renews ${formatDate(s.currentPeriodEnd)}`}
                      </p>
                    </div>
                    <Badge variant={s.status === "active" ? "success" : "muted"}>{s.status === "active" ? "Active" : "Paused"}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>Recent invoices</CardTitle>
          </CardHeader>
          <CardContent>
            {overview.recentInvoices.length === 0 ? (
              <EmptyState icon={<FileText />} title="No invoices yet" description="Your invoices will show up here when they are issued." />
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Number</TableHead>
                    <TableHead className="hidden sm:table-cell">Due</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead className="text-right">Balance</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {overview.recentInvoices.map((inv) => (
                    <TableRow key={inv.id}>
                      <TableCell className="font-medium">{inv.number}</TableCell>
                      <TableCell className="hidden sm:table-cell">{formatDate(inv.dueDate)}</TableCell>
                      <TableCell>
                        <InvoiceStatusBadge status={displayStatus(inv.status, inv.dueDate, today)} />
                      </TableCell>
                      <TableCell className="text-right tabular-nums">
                        {inv.status === "void" ? "—" : formatMoney(balanceDue(inv.totalMinor, inv.amountPaidMinor), inv.currency)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
