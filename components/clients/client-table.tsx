import { IntentLink } from "@/components/ui/intent-link";
import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ClientListRow } from "@/db/queries/clients";
import { LocalTime } from "@/components/time/viewer-time";
import { BalanceText } from "./balance-text";
import { PhoneNumber } from "@/components/phone/phone-number";
import { regionFromLocale } from "@/lib/phone";

export function ClientTable({ area, rows, filtered, locale }: { area: string; rows: ClientListRow[]; filtered: boolean; locale: string }) {
  const region = regionFromLocale(locale);
  if (rows.length === 0) {
    return filtered ? (
      <EmptyState icon={<Users />} title="No clients match" description="Try a shorter search, or turn a filter off." />
    ) : (
      <EmptyState icon={<Users />} title="No clients yet" description="Add your first client, or import a list from a CSV file." />
    );
  }
  return (
    <Table aria-label="Clients">
      <TableHeader>
        <TableRow>
          <TableHead>Client</TableHead>
          <TableHead className="hidden md:table-cell">Email</TableHead>
          <TableHead className="hidden lg:table-cell">Phone</TableHead>
          <TableHead className="hidden sm:table-cell">Added</TableHead>
          <TableHead className="text-right">Balance</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((c) => (
          <TableRow key={c.id}>
            <TableCell className="max-w-56">
              <IntentLink href={`${area}/clients/${c.id}`} className="font-medium underline-offset-4 hover:underline focus-visible:underline">
                {c.name}
              </IntentLink>
              <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
                {c.company && <span className="truncate">{c.company}</span>}
                {c.smsOptIn && <Badge variant="secondary">SMS</Badge>}
                {c.archivedAt && <Badge variant="muted">Archived</Badge>}
              </div>
              {/* On small screens the email column is hidden, so it shows here. */}
              {c.email && <div className="truncate text-xs text-muted-foreground md:hidden">{c.email}</div>}
            </TableCell>
            <TableCell className="hidden max-w-56 truncate md:table-cell">{c.email ?? <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell className="hidden whitespace-nowrap text-xs tabular-nums lg:table-cell">
              {c.phone ? <PhoneNumber value={c.phone} region={region} /> : <span className="text-muted-foreground">—</span>}
            </TableCell>
            <TableCell className="hidden whitespace-nowrap sm:table-cell">
              <LocalTime value={c.createdAt} show="date" />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              <BalanceText balances={c.balances} locale={locale} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
